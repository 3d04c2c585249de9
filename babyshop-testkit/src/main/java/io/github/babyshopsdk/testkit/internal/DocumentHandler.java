package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.ServedDocument;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * fetchDocuments: a small PDF for {@code documentType} {@code shippingLabel} (also the
 * {@code shippingLable} spelling) or {@code Invoice} (case-insensitive), with
 * {@code Content-Type: application/pdf} and
 * {@code Content-Disposition: attachment; filename="<invoiceNo>-<type>.pdf"}. Blank fields answer 5;
 * an unknown invoice or document type answers {@code responseCode} 404 in the JSON envelope.
 */
public final class DocumentHandler {

    private final Services s;

    /**
     * A handler over shared services.
     *
     * @param services the services
     */
    public DocumentHandler(Services services) {
        this.s = services;
    }

    /**
     * Answers a fetchDocuments call.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse handle(Call call) {
        String invoiceNo = RequestArgs.text(call.body(), "invoiceNo");
        String type = RequestArgs.text(call.body(), "documentType");
        if (RequestArgs.blank(invoiceNo) || RequestArgs.blank(type)) {
            throw new ApiError(Codes.EMPTY_REQUEST, "invoiceNo and documentType are required");
        }
        String kind = switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "shippinglabel", "shippinglable" -> "shippingLabel";
            case "invoice" -> "Invoice";
            default -> throw new ApiError(Codes.NOT_FOUND, "unknown document type");
        };
        return s.state().atomically(() -> {
            IssuedInvoice inv = s.state().invoice(invoiceNo.trim())
                    .orElseThrow(() -> new ApiError(Codes.NOT_FOUND, "unknown invoice"));
            SimOrder order = s.state().findOrder(inv.orderNo())
                    .orElseThrow(() -> new ApiError(Codes.NOT_FOUND, "invoice without order"));
            byte[] pdf = "shippingLabel".equals(kind) ? label(inv, order) : invoice(inv, order);
            String fileName = inv.invoiceNo() + "-" + kind + ".pdf";
            s.state().addDocument(new ServedDocument(inv.invoiceNo(), type, fileName, "application/pdf", pdf,
                    s.state().now()));
            return new SimResponse(200, "application/pdf", pdf,
                    Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\"", "File-Type", "pdf"),
                    Codes.SUCCESS, null);
        });
    }

    private static byte[] label(IssuedInvoice inv, SimOrder o) {
        return PdfWriter.page("SHIPPING LABEL", List.of(
                "AWB: " + inv.trackingNo(),
                "Transporter: " + inv.transporterName(),
                "Invoice: " + inv.invoiceNo(),
                "Order: " + o.orderNo() + " / " + o.masterOrderNo(),
                "Ship to: " + o.customerName(),
                o.address().line1(),
                (o.address().line2() == null ? "" : o.address().line2() + ", ") + o.address().city(),
                o.address().state() + ", " + o.address().countryCode() + " " + o.address().pinCode(),
                "Phone: " + o.address().phone(),
                "COD: " + ("2".equals(o.paymentMethod()) ? o.orderAmount() + " " + o.currency() : "none")));
    }

    private byte[] invoice(IssuedInvoice inv, SimOrder o) {
        List<String> lines = new ArrayList<>();
        lines.add("Invoice: " + inv.invoiceNo());
        lines.add("Date: " + s.dates().format(inv.createdAt()));
        lines.add("Order: " + o.orderNo());
        lines.add("Bill to: " + o.customerName() + ", " + o.address().city());
        for (int lineNo : inv.lineNos()) {
            SimOrderLine l = o.line(lineNo).orElseThrow();
            lines.add(l.skuCode() + " x" + l.orderQty() + "  " + l.lineAmount() + " " + o.currency());
        }
        lines.add("VAT: " + o.taxAmount() + " " + o.currency());
        lines.add("Total: " + o.orderAmount() + " " + o.currency());
        return PdfWriter.page("TAX INVOICE", lines);
    }
}
