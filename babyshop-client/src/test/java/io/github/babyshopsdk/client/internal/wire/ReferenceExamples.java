package io.github.babyshopsdk.client.internal.wire;

/**
 * The example responses of the reference (§2.2 to §2.12), copied verbatim; orderReturn uses the corrected
 * request example of §2.10 (Q45) and the response example as printed.
 */
public final class ReferenceExamples {

    private ReferenceExamples() {}

    /** §2.2 productFetch. */
    public static final String PRODUCT_FETCH = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "productList": [
                {
                  "sku": "NYJCH00000001", "vendorSkuCode": "100061_INTIMA", "mfgSkuCode": "100061_INTIMA",
                  "skuName": "NYJCH00000001", "mrp": "1500.00", "salePrice": "1500.00",
                  "baseCost": "1000.00", "status": "1", "lastUpdateDate": "12/04/2017 16:11:38",
                  "brand": "Natrol", "color": null, "size": null, "weight": "0.00", "length": "0.00",
                  "width": "0.00", "height": "0.00", "serialTracking": "0"
                }
              ]
            }
            """;

    /** §2.3 inventoryPriceUpdate. */
    public static final String INVENTORY_PRICE_UPDATE = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "skus": [
                {
                  "moderationId": "24", "sku": "TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1",
                  "requestedInvQty": "11", "approvedInvQty": null, "status": "Pending",
                  "requestedSalePrice": null
                }
              ]
            }
            """;

    /** §2.4 inventoryPriceStatus. */
    public static final String INVENTORY_PRICE_STATUS = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "skus": [
                {
                  "moderationId": "108", "sku": "224808", "requestedInvQty": "1.000",
                  "approvedInvQty": null, "status": "Pending", "requestedSalePrice": "1299.000"
                }
              ]
            }
            """;

    /** §2.5 skuBackOrder (no envelope). */
    public static final String SKU_BACK_ORDER = """
            {
              "data": [
                {
                  "vendorCode": "jit_15", "sku": "SA2", "qty": "3", "price": "3000",
                  "vendorSKUCode": "abc123"
                }
              ]
            }
            """;

    /** §2.6 orderList and §2.7 orderListJIT (identical). */
    public static final String ORDER_LIST = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "orderList": [
                {
                  "orderNo": "100000019", "orderStatus": "5", "orderDate": "13/04/2016 00:19:40",
                  "orderLastUpdateDate": "13/04/2016 14:32:05", "onHold": "1"
                }
              ]
            }
            """;

    /** §2.8 orderFetch and §2.9 orderFetchJIT (identical). */
    public static final String ORDER_FETCH = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "orders": [
                {
                  "orderNo": "501242014-33", "orderStatus": "8", "orderDate": "20/04/2017 16:06:00",
                  "customerName": "puneet Sharma", "paymentMethod": "1", "orderAmount": "630.00",
                  "orderCurrency": "INR", "orderTaxAmount": "0.00", "onHold": "1", "shippingCharge": "0.00",
                  "discountAmount": null, "discCouponCode": null, "storeCredit": null, "gvAmount": null,
                  "codCharge": null,
                  "address1": "Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1\\nNear Symbiosis College",
                  "address2": null, "address3": null, "phone": "7756845606",
                  "email": "urvashiengineer@gmail.com", "countryCode": "IND", "state": "Maharashtra",
                  "city": "PUNE", "pinCode": "411057", "billToName": "puneet Sharma",
                  "bill_Address1": "Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1,Near Symbiosis College",
                  "bill_Address2": null, "bill_Address3": null, "bill_Phone": "7756845606",
                  "bill_Email": "urvashiengineer@gmail.com", "bill_CountryCode": "IND",
                  "bill_State": "Maharashtra", "bill_City": "PUNE", "bill_ZipCode": "411057",
                  "cancelRemark": null, "reasonForCancellation": "1", "priority": null,
                  "orderLastUpdateDate": "07/11/2017 11:55:14", "masterOrderNo": "NYKL00000042",
                  "orderItems": [
                    {
                      "lineno": "1", "deliveryMode": "2", "skuCode": "NYJCH00000037",
                      "skuName": "Juicy Chemistry Coffee and Green Tea Eye ", "orderQty": "1",
                      "rejectedQty": null, "cancelledQty": "1", "shippedQty": null, "returnedQty": null,
                      "deliveredQty": null, "lineAmount": "330.00", "lineTaxAmount": "0.00",
                      "unitPrice": "350.00", "mrp": "350.000", "discountAmount": "20.00",
                      "shippingCharge": null, "codCharge": null, "invoiceNo": null, "transCode": null,
                      "transName": null, "awbNo": null, "imeiNos": null,
                      "confirmDate": "20/04/2017 18:14:25", "gvAmount": null, "storeCredit": "0.00",
                      "lineStatus": "8", "cst": null, "vat": null
                    }
                  ]
                }
              ]
            }
            """;

    /** §2.10 orderReturn. */
    public static final String ORDER_RETURN = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "returns": [
                {
                  "internalReturnNo": "mwhc2353", "returnNo": null, "orderNo": "NYKL00002637",
                  "returnStatus": "10", "returnDate": "19/02/2021 12:06:00",
                  "orderDate": "16/12/2020 11:40:30", "returnConfirmDate": "19/02/2021 12:06:00",
                  "returnCloseDate": null, "orderStatus": "10", "sellerId": "mwhc2",
                  "returnType": "Delivered Return", "paymentMethod": "1", "orderAmount": "1288.00",
                  "returnAmount": "434.50", "orderCurrency": "GBP", "retTrackingNo": null,
                  "transporterName": null, "trackingURL": "", "reasonForCancellation": "", "comments": null,
                  "refundstoreCredit": null, "customerName": "Anuj Kaul",
                  "address1": "House number 50, First Floor", "address2": "ABC Road, Green Park",
                  "address3": "", "phone": "9999112233", "email": "anujkaul86@gmail.com",
                  "countryCode": "IND", "state": "Maharashtra", "city": "Mumbai", "pinCode": "400001",
                  "billToName": "Anuj Kaul", "bill_Address1": "House number 50, First Floor",
                  "bill_Address2": "ABC Road, Green Park", "bill_Address3": "", "bill_Phone": "9999112233",
                  "bill_Email": "anujkaul86@gmail.com", "bill_CountryCode": "IND",
                  "bill_State": "Maharashtra", "bill_City": "Mumbai", "bill_PinCode": "400001",
                  "returnLastUpdateDate": "08/06/2021 17:11:37", "masterOrderNo": "KAAS1559",
                  "orderItems": [
                    {
                      "lineNo": "1", "skuCode": "CSKU2", "skuName": "ChildSKU2", "orderQty": "2.00",
                      "cancelledQty": null, "shippedQty": "2", "returnedQty": "1.00",
                      "lineAmount": "434.50", "lineTaxAmount": "19.76", "unitPrice": "450.00",
                      "codCharge": null, "invoiceNo": "MWHP2021000005", "storeCredit": "50.00",
                      "lineStatus": "10"
                    }
                  ]
                }
              ]
            }
            """;

    /** §2.11 generateInvoice. */
    public static final String GENERATE_INVOICE = """
            {
              "responseCode": 0, "responseMessage": "Success", "invoiceNo": "3457899883249"
            }
            """;

    /** §2.12 fetchInvoice. */
    public static final String FETCH_INVOICE = """
            {
              "responseCode": 0, "responseMessage": "Success",
              "invoiceItems": [
                {
                  "orderNo": "100000018", "orderDate": "11/04/2016 02:58:59",
                  "orderLastUpdateDate": "06/06/2016 18:34:54", "orderStatus": "25", "lineNo": "1",
                  "lineInvoiceNo": "AC0011617000001", "lineStatus": "25", "lineTransporterCode": "7",
                  "lineTransporterName": "By Hand delivery", "lineTrackingNo": "123", "lineImeiNos": null
                }
              ]
            }
            """;

    /** §2.14 / §2.15 orderShipping and orderCancellation: envelope only. */
    public static final String ENVELOPE_ONLY = """
            {
              "responseCode": 0, "responseMessage": "Success"
            }
            """;
}
