package org.rapport.demo.internal.world;

import java.util.List;
import java.util.Map;

/** The fixed vocabularies of the demo world: industries, products with their zh / en names, currencies. */
final class Catalog {

    static final String BANK_DOMAIN = "rapportbank.example.com";

    static final List<String> INDUSTRIES = List.of("manufacturing", "trading", "technology", "logistics", "retail",
            "construction", "healthcare", "energy", "agriculture", "education");

    static final double[] INDUSTRY_WEIGHTS = {20, 14, 13, 10, 10, 8, 8, 6, 5, 6};

    static final List<String> PRODUCTS = List.of("online-banking", "cash-management", "payroll", "fx",
            "trade-finance", "deposits", "working-capital-loan");

    private static final Map<String, String> PRODUCT_ZH = Map.of("online-banking", "企业网银", "cash-management",
            "现金管理", "payroll", "代发工资", "fx", "外汇", "trade-finance", "贸易融资", "deposits", "对公存款",
            "working-capital-loan", "流动资金贷款");

    private static final Map<String, String> PRODUCT_EN = Map.of("online-banking", "online banking",
            "cash-management", "cash management", "payroll", "payroll", "fx", "FX", "trade-finance", "trade finance",
            "deposits", "deposits", "working-capital-loan", "working capital loan");

    /** CNY per unit of each transaction currency (fixed demo rates). */
    static final Map<String, Double> CNY_PER_UNIT = Map.of("CNY", 1.0, "USD", 7.2, "EUR", 7.8, "HKD", 0.92,
            "SGD", 5.35);

    private Catalog() {
    }

    /** A product's display name in {@code language}. */
    static String productName(String product, String language) {
        return "zh".equals(language) ? PRODUCT_ZH.get(product) : PRODUCT_EN.get(product);
    }
}
