package org.rapport.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the security bundle, PID {@value #PID}. */
@ObjectClassDefinition(id = SecurityConfig.PID, name = "Rapport security",
        description = "Staff accounts, sessions, lockout and cookies")
public @interface SecurityConfig {

    String PID = "org.rapport.security";

    @AttributeDefinition(name = "Initial admin password", type = AttributeType.PASSWORD,
            description = "Password of the 'admin' account created at first start; empty: a random one-time password is logged")
    String initialAdminPassword() default "";

    @AttributeDefinition(name = "Session timeout (minutes)", description = "A session unused this long ends", min = "1")
    int sessionTimeoutMinutes() default 480;

    @AttributeDefinition(name = "Lockout threshold", description = "Failed sign-ins for one username before it is locked", min = "1")
    int lockoutThreshold() default 5;

    @AttributeDefinition(name = "Lockout (minutes)", description = "How long a locked username stays locked", min = "1")
    int lockoutMinutes() default 15;

    @AttributeDefinition(name = "Secure cookie", description = "When the session cookie is marked Secure",
            options = {
                @Option(value = "auto", label = "When the request is HTTPS (or X-Forwarded-Proto is https)"),
                @Option(value = "always", label = "Always"),
                @Option(value = "never", label = "Never")})
    String secureCookie() default "auto";
}
