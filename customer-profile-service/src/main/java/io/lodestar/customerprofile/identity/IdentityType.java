package io.lodestar.customerprofile.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The external ids a customer can be known by. Phone and e-mail are personal data and are kept only hashed. */
public enum IdentityType {
    @JsonProperty("app_user_id") APP_USER_ID(false),
    @JsonProperty("mini_program_openid") MINI_PROGRAM_OPENID(false),
    @JsonProperty("mini_program_unionid") MINI_PROGRAM_UNIONID(false),
    @JsonProperty("wecom_id") WECOM_ID(false),
    @JsonProperty("crm_id") CRM_ID(false),
    @JsonProperty("phone") PHONE(true),
    @JsonProperty("email") EMAIL(true);

    private final boolean hashed;

    IdentityType(boolean hashed) {
        this.hashed = hashed;
    }

    /** Whether values are personal data, stored and matched only as keyed hashes and never shown. */
    public boolean hashed() {
        return hashed;
    }
}
