package org.dutychain.analysis;

/**
 * A message in Chinese and English ({@code messageZh} / {@code messageEn} in the JSON).
 */
public record Message(String zh, String en) {
}
