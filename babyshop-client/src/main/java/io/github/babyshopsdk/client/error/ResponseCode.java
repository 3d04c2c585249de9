package io.github.babyshopsdk.client.error;

import java.util.Optional;

/**
 * Every {@code responseCode} the SellerPanel V3 reference documents, with the kind of failure each one
 * is. The API answers HTTP 200 for failures too; the code in the body decides the outcome.
 *
 * <p>Codes not listed here are kept as plain integers by the exceptions ({@link BabyshopException#code()}),
 * so an unknown code is never lost; the client treats it as a non-retryable {@link ApiException}.
 */
public enum ResponseCode {
    /** 0: success. */
    SUCCESS(0, Kind.SUCCESS),
    /** 5: {@code Empty Request}: the {@code RequestBody} field was missing or empty (a client bug). */
    EMPTY_REQUEST(5, Kind.INVALID_REQUEST),
    /** 9: {@code Generic Error}: an unspecified server failure, possibly transient. */
    GENERIC_ERROR(9, Kind.TRANSIENT),
    /** 11: {@code Invalid API credentials}. */
    INVALID_CREDENTIALS(11, Kind.AUTHENTICATION),
    /** 13: {@code API Hit Quota Exceeded}. */
    QUOTA_EXCEEDED(13, Kind.QUOTA),
    /** 14: {@code API credentials are no more active}: the credential was deactivated. */
    CREDENTIALS_INACTIVE(14, Kind.AUTHENTICATION),
    /** 15: {@code API credentials has been expired}: the credential (not the token) expired. */
    CREDENTIALS_EXPIRED(15, Kind.AUTHENTICATION),
    /** 101: {@code OrderNo or LineNo not identified.} */
    ORDER_OR_LINE_NOT_FOUND(101, Kind.NOT_FOUND),
    /** 102: {@code Cannot process multiple Orders.} */
    MULTIPLE_ORDERS(102, Kind.INVALID_REQUEST),
    /** 103: {@code OrderNo is mandatory.} */
    ORDER_NO_MISSING(103, Kind.INVALID_REQUEST),
    /** 304: {@code [SKU & Seller] Code Combination not found in the System.} */
    SKU_NOT_FOUND(304, Kind.NOT_FOUND),
    /** 309: internal server error, possibly transient. */
    INTERNAL_ERROR(309, Kind.TRANSIENT),
    /** 310: {@code Order does not belong to give SellerId.} */
    ORDER_OF_OTHER_SELLER(310, Kind.REJECTED),
    /** 324: {@code Order-Invoice is not genearted for this Order} (cause undocumented, Q51). */
    INVOICE_NOT_GENERATED(324, Kind.REJECTED),
    /** 404: {@code Not Found} (fetchDocuments). */
    NOT_FOUND(404, Kind.NOT_FOUND),
    /** 804: {@code To Date Should be Greater Then From Date}. */
    TO_DATE_BEFORE_FROM_DATE(804, Kind.INVALID_REQUEST),
    /** 913: {@code From and To Date Range Should not be more than 7 days}. */
    DATE_RANGE_TOO_LONG(913, Kind.INVALID_REQUEST),
    /** 1012: {@code Tax Code not found in ERP.} (master data). */
    TAX_CODE_NOT_FOUND(1012, Kind.REJECTED),
    /** 2000: {@code authToken expired/Invalid authToken.}: the client re-authenticates once. */
    TOKEN_EXPIRED(2000, Kind.TOKEN_EXPIRED),
    /** 2001: {@code UserName / Password are Mandatory.} */
    CREDENTIALS_MISSING(2001, Kind.AUTHENTICATION),
    /** 2002: {@code API Key Not Found / Configured in the system.} */
    API_KEY_NOT_CONFIGURED(2002, Kind.AUTHENTICATION),
    /** 8060: unknown vendor or seller configuration (orderReturn, Q46). */
    UNKNOWN_VENDOR(8060, Kind.REJECTED),
    /** 10042: {@code Status is Mandatory with from date and to date}. */
    STATUS_MISSING(10042, Kind.INVALID_REQUEST),
    /** 10043: {@code Return No or From Date is mandatory}. */
    RETURN_FILTER_MISSING(10043, Kind.INVALID_REQUEST);

    private final int code;
    private final Kind kind;

    ResponseCode(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The numeric code as sent on the wire. */
    public int code() {
        return code;
    }

    /** What kind of outcome this code is. */
    public Kind kind() {
        return kind;
    }

    /** The documented code with this number, or empty for an undocumented one. */
    public static Optional<ResponseCode> of(int code) {
        for (ResponseCode candidate : values()) {
            if (candidate.code == code) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The classes of outcome, which decide the exception type and whether the client retries. */
    public enum Kind {
        /** The call succeeded. */
        SUCCESS,
        /** The credential is wrong, inactive or expired: someone must fix configuration. */
        AUTHENTICATION,
        /** The API key was rejected: re-authenticate once, then retry. */
        TOKEN_EXPIRED,
        /** Too many calls: back off. */
        QUOTA,
        /** A server fault that may pass: reads are retried, writes are read back first. */
        TRANSIENT,
        /** The request itself is invalid: never retried. */
        INVALID_REQUEST,
        /** A referenced order, line, SKU or document does not exist. */
        NOT_FOUND,
        /** The server refused the request for a business or configuration reason. */
        REJECTED
    }
}
