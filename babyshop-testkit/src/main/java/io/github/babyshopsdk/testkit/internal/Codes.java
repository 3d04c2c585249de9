package io.github.babyshopsdk.testkit.internal;

import java.util.Map;

/** Response codes of the reference's section 3.1, with their verbatim messages. */
public final class Codes {

    public static final int SUCCESS = 0;
    public static final int EMPTY_REQUEST = 5;
    public static final int GENERIC_ERROR = 9;
    public static final int INVALID_CREDENTIALS = 11;
    public static final int QUOTA_EXCEEDED = 13;
    public static final int ORDER_OR_LINE_UNKNOWN = 101;
    public static final int MULTIPLE_ORDERS = 102;
    public static final int ORDER_NO_MANDATORY = 103;
    public static final int SKU_NOT_FOUND = 304;
    public static final int INVOICE_NOT_GENERATED = 324;
    public static final int NOT_FOUND = 404;
    public static final int TO_BEFORE_FROM = 804;
    public static final int RANGE_OVER_7_DAYS = 913;
    public static final int TOKEN_INVALID = 2000;
    public static final int CREDENTIALS_MANDATORY = 2001;
    public static final int NO_VENDOR = 8060;
    public static final int STATUS_MANDATORY = 10042;
    public static final int RETURN_NO_OR_FROM_MANDATORY = 10043;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(SUCCESS, "Success"),
            Map.entry(EMPTY_REQUEST, "Empty Request"),
            Map.entry(GENERIC_ERROR, "Generic Error"),
            Map.entry(INVALID_CREDENTIALS, "Invalid API credentials"),
            Map.entry(QUOTA_EXCEEDED, "API Hit Quota Exceeded"),
            Map.entry(ORDER_OR_LINE_UNKNOWN, "OrderNo or LineNo not identified."),
            Map.entry(MULTIPLE_ORDERS, "Cannot process multiple Orders."),
            Map.entry(ORDER_NO_MANDATORY, "OrderNo is mandatory."),
            Map.entry(SKU_NOT_FOUND, "[SKU & Seller] Code Combination not found in the System."),
            Map.entry(INVOICE_NOT_GENERATED, "Order-Invoice is not genearted for this Order"),
            Map.entry(NOT_FOUND, "Not Found"),
            Map.entry(TO_BEFORE_FROM, "To Date Should be Greater Then From Date"),
            Map.entry(RANGE_OVER_7_DAYS, "From and To Date Range Should not be more than 7 days"),
            Map.entry(TOKEN_INVALID, "authToken expired/Invalid authToken."),
            Map.entry(CREDENTIALS_MANDATORY, "UserName / Password are Mandatory."),
            Map.entry(NO_VENDOR, "No Vendor found corresponding to the parentVendor AND/OR WarehouseID passed"),
            Map.entry(STATUS_MANDATORY, "Status is Mandatory with from date and to date"),
            Map.entry(RETURN_NO_OR_FROM_MANDATORY, "Return No or From Date is mandatory"));

    private Codes() {
    }

    /**
     * The verbatim message of a code.
     *
     * @param code a code
     * @return its message, or "Generic Error" for unknown codes
     */
    public static String message(int code) {
        return MESSAGES.getOrDefault(code, "Generic Error");
    }
}
