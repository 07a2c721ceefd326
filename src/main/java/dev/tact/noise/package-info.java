/**
 * Noise control: recognises the same original message reaching Tact more than once (near-duplicates, forwards
 * by several staff members) so that it becomes one conversation with linked reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Noise control")
package dev.tact.noise;
