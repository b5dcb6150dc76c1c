package fr.misp.backoffice.member;

import java.time.LocalDate;

/** A member as the processes need it: identity, category, residence, HCS registration, agency. */
public record Member(String id, String name, LocalDate birthDate, String category, String countryOfResidence,
    boolean hcsRegistered, LocalDate membershipStartDate, String agencyCode) {}
