package org.rapport.campaigns;

import java.util.Map;

/**
 * The action does not fit the campaign's state (pausing a campaign that is not running, a segment
 * that matches nobody at launch, ...). REST answers 409 with the code.
 *
 * @since 0.1
 */
public class CampaignStateException extends IllegalStateException implements org.rapport.web.ApiProblem {
    private static final long serialVersionUID = 1L;

    private final String code;

    public CampaignStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of();
    }
}
