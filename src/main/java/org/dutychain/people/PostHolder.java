package org.dutychain.people;

import java.time.LocalDate;

/**
 * A person currently holding a post (任职).
 *
 * @param until null = open-ended; inclusive
 */
public record PostHolder(String personId, String name, String title, LocalDate since, LocalDate until) {
}
