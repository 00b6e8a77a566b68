package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import dev.guestchat.protocol.StringPairs;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Files in the browser: a picked, dropped or pasted {@code File} as {@link Ports.LocalFile}, and the presigned
 * upload (§7 step 4) as an XMLHttpRequest PUT — the one browser API that reports upload progress — with the
 * service's headers verbatim and the file's type as {@code Content-Type}.
 */
public final class BrowserFiles implements Ports.FileUploader {
    /** A browser {@code File}; {@link #file} is handed back to the uploader untouched. */
    public record Picked(JSObject file, String name, String type, double size) implements Ports.LocalFile {
    }

    /** Wraps a {@code File} (or any Blob with a name). */
    public static Picked of(JSObject file) {
        String name = JsObjectView.stringOf(file, "name");
        String type = JsObjectView.stringOf(file, "type");
        return new Picked(file, name != null ? name : "file", type != null ? type : "", size(file));
    }

    @Override
    public Ports.Cancellable put(String url, StringPairs headers, Ports.LocalFile file, Ports.UploadProgress progress) {
        String[] names = new String[headers.size()];
        String[] values = new String[headers.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = headers.key(i);
            values[i] = headers.value(i);
        }
        JSObject abort = put(url, names, values, ((Picked) file).file(), file.type(), (fraction, status) -> {
            if (status < 0) {
                progress.onProgress(fraction);
            } else {
                progress.onDone(status);
            }
        });
        return () -> PageLifecycle.call(abort);
    }

    /** The PUT's news: {@code status} −1 with the share sent so far, or its HTTP status (0: did not complete). */
    @JSFunctor
    interface Progress extends JSObject {
        void run(double fraction, int status);
    }

    @JSBody(params = {"url", "names", "values", "file", "type", "progress"},
            script = "return putFile(url,names,values,file,type,progress);")
    static native JSObject put(String url, String[] names, String[] values, JSObject file, String type,
                               Progress progress);

    @JSBody(params = "o", script = "return typeof o.size==='number'?o.size:0;")
    static native double size(JSObject o);
}
