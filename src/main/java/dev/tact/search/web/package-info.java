/** The search page (/search), the search API (/api/v1/search) and the admin's rebuild (/api/v1/admin/search). */
package dev.tact.search.web;
