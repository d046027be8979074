package com.easycrm4u.camel.waapi.examples.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the ERP's order records: a JSON array of orders or a single order object, each with {@code orderId},
 * {@code customerName}, {@code phone} and {@code awb}.
 */
public class OrderBook {

    /**
     * The phone number of order SO-1004 in the shipped batch ({@code orders/batch.json}): run on the sandbox, the
     * examples mark it as having no WhatsApp, so that order shows a failed delivery (Meta error 131026).
     */
    public static final String BATCH_RECIPIENT_WITHOUT_WHATSAPP = "917890000299";

    static final List<String> FIELDS = List.of("orderId", "customerName", "phone", "awb");

    /** The orders of an unmarshalled batch file: a list of orders, or one order. */
    public List<Map<String, Object>> orders(Object batch) {
        List<Map<String, Object>> orders = new ArrayList<>();
        if (batch instanceof List) {
            for (Object order : (List<?>) batch) {
                orders.add(asOrder(order));
            }
        } else {
            orders.add(asOrder(batch));
        }
        return orders;
    }

    /** The body parameters of the {@code order_shipped} template: the customer's name and the airway bill. */
    public List<String> templateParameters(Map<String, Object> order) {
        for (String field : FIELDS) {
            Object value = order.get(field);
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException("order " + order.get("orderId") + " has no '" + field + "'");
            }
        }
        return List.of(order.get("customerName").toString(), order.get("awb").toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asOrder(Object order) {
        if (!(order instanceof Map)) {
            throw new IllegalArgumentException("an order record must be a JSON object, not " + order);
        }
        return (Map<String, Object>) order;
    }
}
