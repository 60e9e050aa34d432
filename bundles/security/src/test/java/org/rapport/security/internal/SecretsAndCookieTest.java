package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class SecretsAndCookieTest {

    @Test
    void secretsAreRandomAndHashesStable() {
        assertThat(Secrets.random(32)).hasSize(43).isNotEqualTo(Secrets.random(32));
        assertThat(Secrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.same("a", "a")).isTrue();
        assertThat(Secrets.same("a", "b")).isFalse();
        assertThat(Secrets.same(null, "b")).isFalse();
    }

    @Test
    void passwordHashesAreArgon2idAndVerify() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("wrong horse", hash)).isFalse();
        assertThat(hasher.verify("x", "not a hash")).isFalse();
    }

    @Test
    void cookieIsHttpOnlyLaxAndSecureByPolicy() {
        assertThat(SessionCookie.header("abc", -1, true)).isEqualTo("RAPPORT_SESSION=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(SessionCookie.header("", 0, false)).isEqualTo("RAPPORT_SESSION=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    @Test
    void autoMarksCookiesSecureBehindHttpsOrAProxySayingSo() {
        assertThat(SessionCookie.secure(request(false, null), "auto")).isFalse();
        assertThat(SessionCookie.secure(request(true, null), "auto")).isTrue();
        assertThat(SessionCookie.secure(request(false, "https"), "auto")).isTrue();
        assertThat(SessionCookie.secure(request(false, null), "always")).isTrue();
        assertThat(SessionCookie.secure(request(true, "https"), "never")).isFalse();
    }

    private static HttpServletRequest request(boolean secure, String forwardedProto) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecretsAndCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isSecure" -> secure;
                    case "getHeader" -> "X-Forwarded-Proto".equals(args[0]) ? forwardedProto : null;
                    default -> null;
                });
    }
}
