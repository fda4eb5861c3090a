package app.lantern.indicator;

/** A text in Vietnamese and English (the SDL's {@code LocalizedText}). */
public record Text(String vi, String en) {
}
