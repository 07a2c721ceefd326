/**
 * Small building blocks every module may use: time-ordered ids, the domain error type that
 * becomes a Problem Details response, and paging.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
    allowedDependencies = {})
package dev.tact.shared;
