package io.lodestar.platform.security;

/**
 * The three roles of Lodestar, carried in the JWT {@code groups} claim (SmallRye JWT).
 * Health, metrics and OpenAPI are open; every business endpoint names the roles it admits.
 */
public final class Roles {

    /** Mobile-app and mini-program backends: read profiles, write events and orders, read segments and recommendations. */
    public static final String APP = "app";
    /** Campaign operators: segments, models, campaigns. */
    public static final String OPERATOR = "operator";
    /** Platform administrators: imports, erasure, operational endpoints. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
