package io.github.babyshopsdk.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Caps every response body while it streams, so no answer can hold more memory than its cap. Installed
 * twice by {@link io.github.babyshopsdk.client.BabyshopClient}: as a network interceptor it counts the
 * bytes received (compressed), as an application interceptor the bytes after OkHttp's transparent gzip
 * inflation; a small gzip body that inflates to gigabytes fails as soon as the inflated count passes the
 * cap.
 *
 * <ul>
 *   <li>a successful answer of {@code fetchDocuments} may hold {@code documentLimit} bytes, every other
 *       successful answer {@code jsonLimit}; reading past it throws an internal {@link IOException} that the
 *       call executor reports as a malformed answer (reads) or an unknown outcome (writes). A declared
 *       {@code Content-Length} above the cap fails at once;
 *   <li>the body of an unsuccessful status (only an excerpt of it is ever used) is cut silently after
 *       {@link #ERROR_BODY_LIMIT} bytes.
 * </ul>
 *
 * <p>Wiring for the client, not for direct use. Immutable and thread-safe.
 */
public final class BodyLimitInterceptor implements Interceptor {
    /** The most bytes of an unsuccessful answer's body that are read (64 KiB). */
    public static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final String DOCUMENTS_PATH_END = "/fetchDocuments";

    private final long jsonLimit;
    private final long documentLimit;

    /**
     * @param jsonLimit the cap on a JSON answer, in bytes (at least 1)
     * @param documentLimit the cap on a {@code fetchDocuments} answer, in bytes (at least 1)
     * @throws IllegalArgumentException if a limit is below 1
     */
    public BodyLimitInterceptor(long jsonLimit, long documentLimit) {
        if (jsonLimit < 1 || documentLimit < 1) {
            throw new IllegalArgumentException("body limits must be at least 1 byte");
        }
        this.jsonLimit = jsonLimit;
        this.documentLimit = documentLimit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        if (!response.isSuccessful()) {
            return response.newBuilder().body(new LimitedBody(body, ERROR_BODY_LIMIT, false)).build();
        }
        long limit = chain.request().url().encodedPath().endsWith(DOCUMENTS_PATH_END) ? documentLimit : jsonLimit;
        if (body.contentLength() > limit) {
            body.close();
            throw new ResponseTooLargeException("the declared body (" + body.contentLength() + " bytes)", limit);
        }
        return response.newBuilder().body(new LimitedBody(body, limit, true)).build();
    }

    /** A body that fails ({@code failOver}) or ends after {@code limit} bytes. */
    private static final class LimitedBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        LimitedBody(ResponseBody delegate, long limit, boolean failOver) {
            this.delegate = delegate;
            this.source = Okio.buffer(new LimitedSource(delegate.source(), limit, failOver));
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class LimitedSource extends ForwardingSource {
        private final long limit;
        private final boolean failOver;
        private long read;

        LimitedSource(Source delegate, long limit, boolean failOver) {
            super(delegate);
            this.limit = limit;
            this.failOver = failOver;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (read >= limit) {
                if (!failOver) {
                    return -1;
                }
                // one more byte tells a body of exactly the limit from a longer one
                Buffer probe = new Buffer();
                if (super.read(probe, 1) == -1) {
                    return -1;
                }
                throw new ResponseTooLargeException("the response body", limit);
            }
            long n = super.read(sink, Math.min(byteCount, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
