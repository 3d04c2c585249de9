package io.github.babyshopsdk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.DocumentType;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * Issue 9 item 4: fetchDocuments checks its 64 MiB cap while the body streams. The body here never ends
 * and fails the test if more than 1 MiB past the cap is ever read from it, so reading first and checking
 * afterwards (or holding a 2 GiB body) cannot pass.
 */
class DocumentReaderStreamsTest {
    private static final long SLACK = 1024 * 1024;

    /** An endless PDF-looking source that counts what is read from it. */
    private static final class EndlessPdf implements Source {
        long served;

        @Override
        public long read(Buffer sink, long byteCount) {
            long limit = DocumentReader.MAX_DOCUMENT_BYTES + SLACK;
            if (served > limit) {
                throw new AssertionError("read " + served + " bytes, far past the cap");
            }
            long n = Math.min(byteCount, 64 * 1024);
            if (served == 0) {
                sink.writeUtf8("%PDF-1.4\n");
                n = 9;
            } else {
                sink.write(new byte[(int) n]);
            }
            served += n;
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anEndlessDocumentIsRefusedOnceItPassesTheCap() {
        EndlessPdf source = new EndlessPdf();
        BufferedSource buffered = Okio.buffer(source);
        ResponseBody body = ResponseBody.create(buffered, MediaType.get("application/pdf"), -1);
        okhttp3.Response raw = new okhttp3.Response.Builder().code(200).message("OK").protocol(Protocol.HTTP_1_1)
                .request(new Request.Builder().url("http://127.0.0.1/fetchDocuments").build()).build();
        DocumentReader reader = new DocumentReader(WireCodec.newObjectMapper(), new ResponseClassifier(new Redactor()));

        assertThatThrownBy(() -> reader.read(Response.success(body, raw), DocumentType.SHIPPING_LABEL))
                .isInstanceOfSatisfying(AttemptFailure.class, failure -> {
                    assertThat(failure.exception()).isInstanceOf(MalformedResponseException.class)
                            .hasMessageContaining("larger than");
                });
        assertThat(source.served).isGreaterThan(DocumentReader.MAX_DOCUMENT_BYTES)
                .isLessThanOrEqualTo(DocumentReader.MAX_DOCUMENT_BYTES + SLACK);
    }
}
