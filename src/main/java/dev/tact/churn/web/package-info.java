/** Silent churn's page for leads and admins (/churn, reaching out through the contact policy) and its API. */
package dev.tact.churn.web;
