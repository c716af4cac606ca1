package org.socius.providers;

/** How many people of one profession a provider employs. */
public record StaffGroup(String profession, int headcount) {}
