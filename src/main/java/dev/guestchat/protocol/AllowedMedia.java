package dev.guestchat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files a customer may send (§4.1 {@code allowedMedia.inbound}, §8 {@code fileUpload}): MIME types, where
 * {@code image/*} and {@code *}{@code /*} are wildcards, and the largest size. No types means no uploads.
 */
public record AllowedMedia(List<String> fileTypes, double maxBytes) {
    /** Uploads are off. */
    public static final AllowedMedia NONE = new AllowedMedia(new ArrayList<>(), 0);

    public boolean enabled() {
        return !fileTypes.isEmpty();
    }

    public boolean permitsType(String type) {
        String t = Ascii.lower(type == null ? "" : type);
        for (String allowed : fileTypes) {
            String a = Ascii.lower(allowed);
            if (a.equals(t) || a.equals("*/*") || (a.endsWith("/*") && t.startsWith(a.substring(0, a.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code allowedMedia} of a SessionResponse or GetConfigurationResponse; null when the body has none. */
    static AllowedMedia fromSession(JsonObjectView body) {
        JsonObjectView media = body.object("allowedMedia");
        if (media == null) {
            return null;
        }
        JsonObjectView inbound = media.object("inbound");
        if (inbound == null) {
            return NONE;
        }
        List<String> types = new ArrayList<>();
        for (JsonObjectView t : inbound.objects("fileTypes")) {
            if (t.string("type") != null) {
                types.add(t.string("type"));
            }
        }
        types.addAll(inbound.texts("fileTypes")); // some payloads list plain strings
        return of(types, inbound.number("maxFileSizeKB", 0));
    }

    /** The deployment config's {@code messenger.fileUpload} (§8); null when it says nothing. */
    public static AllowedMedia fromConfig(JsonObjectView fileUpload) {
        if (fileUpload == null) {
            return null;
        }
        if (!fileUpload.flag("enableAttachments")) {
            return NONE;
        }
        List<String> types = new ArrayList<>();
        double maxKb = 0;
        for (JsonObjectView mode : fileUpload.objects("modes")) {
            types.addAll(mode.texts("fileTypes"));
            maxKb = Math.max(maxKb, mode.number("maxFileSizeKB", 0));
        }
        return of(types, maxKb);
    }

    /** {@code maxKb}: 0 when the server gives no limit. */
    private static AllowedMedia of(List<String> types, double maxKb) {
        double max = (maxKb > 0 ? maxKb : 10_240) * 1024; // §5.12: 10 MB typical
        return types.isEmpty() ? NONE : new AllowedMedia(types, max);
    }
}
