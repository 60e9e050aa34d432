package org.rapport.accounts.internal.engine;

/** Lifecycle stages of a client, with their stored lowercase ids and display names. */
public enum Stage {
    PROSPECT("prospect", "潜在客户", "Prospect"),
    NEW("new", "新客户", "New"),
    REPEAT("repeat", "复购客户", "Repeat"),
    LOYAL("loyal", "忠诚客户", "Loyal"),
    AT_RISK("at_risk", "流失风险客户", "At risk"),
    CHURNED("churned", "已流失客户", "Churned"),
    WON_BACK("won_back", "挽回客户", "Won back");

    private final String id;
    private final String zh;
    private final String en;

    Stage(String id, String zh, String en) {
        this.id = id;
        this.zh = zh;
        this.en = en;
    }

    /** The stored id, e.g. {@code at_risk}. */
    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The stage with this id, or null when the id is null or unknown. */
    public static Stage fromId(String id) {
        for (Stage stage : values()) {
            if (stage.id.equals(id)) {
                return stage;
            }
        }
        return null;
    }
}
