package dev.guestchat.core;

/**
 * What the customer sees of the file waiting to be sent.
 *
 * @param fileName its name
 * @param ready    uploaded and checked: the next message carries it
 * @param percent  how much of it has been uploaded, 0–100
 */
public record UploadStatus(String fileName, boolean ready, int percent) {
}
