package app.lantern.support.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets tokens from Keycloak the way real clients do, with no Keycloak client library:
 * <ul>
 * <li>{@link #userToken}: authorization code flow with PKCE S256 for the public client
 * {@code lantern-spa}, driving the login form like a browser (cookies kept, redirects not
 * followed: the code is read from the {@code Location} of the redirect to the app);</li>
 * <li>{@link #clientCredentialsToken}: client credentials for a confidential client such as
 * {@code lantern-partner-demo}.</li>
 * </ul>
 *
 * <pre>{@code
 * KeycloakTokens tokens = KeycloakTokens.forShared();
 * String bearer = tokens.userToken("inspector.lead", "demo").accessToken();
 * Map<String, Object> claims = KeycloakTokens.decodePayload(bearer);
 * }</pre>
 *
 * <p>Note that the realm has brute-force detection on (5 failures lock a user temporarily):
 * tests that try wrong passwords should not use a user other tests log in with.
 */
public final class KeycloakTokens {

    public static final String SPA_CLIENT_ID = "lantern-spa";
    public static final String PARTNER_DEMO_CLIENT_ID = "lantern-partner-demo";
    /** Demo-only secret of {@code lantern-partner-demo}, as in infra/keycloak/lantern-realm.json. */
    public static final String PARTNER_DEMO_SECRET = "lantern-partner-demo-secret";
    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";
    /**
     * A redirect URI {@code lantern-spa} accepts. Any {@code http://localhost:<port>/...} or
     * {@code http://127.0.0.1:<port>/...} is accepted too (Keycloak ignores the port of loopback
     * redirect URIs when {@code http://localhost/*} is registered); nothing needs to listen there.
     */
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:18080/login/callback";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOGIN_FORM_ID = Pattern.compile("\\bid\\s*=\\s*\"kc-form-login\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR_TEXT = Pattern.compile(
            "<(?:span|div)\\b[^>]*\\bid=\"(?:input-error[^\"]*|kc-error-message)\"[^>]*>(.*?)</(?:span|div)>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String issuerUri;
    private final HttpClient plainClient;

    /** @param issuerUri e.g. {@code http://localhost:8180/realms/lantern} */
    public KeycloakTokens(String issuerUri) {
        this.issuerUri = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        this.plainClient = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Tokens from {@link KeycloakServer#shared()} (starting it if needed). */
    public static KeycloakTokens forShared() {
        return new KeycloakTokens(KeycloakServer.shared().issuerUri());
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String tokenEndpoint() {
        return issuerUri + "/protocol/openid-connect/token";
    }

    public String authorizationEndpoint() {
        return issuerUri + "/protocol/openid-connect/auth";
    }

    // --- authorization code + PKCE -------------------------------------------------------------

    /** {@link #userToken(String, String, String)} with {@link #DEFAULT_REDIRECT_URI}. */
    public TokenResponse userToken(String username, String password) {
        return userToken(username, password, DEFAULT_REDIRECT_URI);
    }

    /**
     * Logs {@code username} in to {@code lantern-spa} through the login page and exchanges the
     * code (with the PKCE verifier) for tokens.
     *
     * @throws LoginFailedException if Keycloak does not accept the credentials (or shows any page
     *         other than a redirect back to the app, e.g. a required action or a lockout)
     */
    public TokenResponse userToken(String username, String password, String redirectUri) {
        // A fresh cookie jar per login: no SSO session carried over between users.
        HttpClient browser = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new LoginCookieJar())
                .build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String nonce = randomUrlSafe(16);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", SPA_CLIENT_ID);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        URI authUri = URI.create(authorizationEndpoint() + "?" + form(query));

        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(authUri).GET());
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("GET " + authUri + " -> " + loginPage.statusCode()
                    + location(loginPage) + " (is the redirect URI allowed for " + SPA_CLIENT_ID + "?)\n"
                    + excerpt(loginPage.body()));
        }
        URI action = loginFormAction(loginPage);

        HttpResponse<String> afterLogin = send(browser, HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username,
                        "password", password,
                        "credentialId", "")))));
        String redirect = afterLogin.headers().firstValue("Location").orElse(null);
        if (afterLogin.statusCode() != 302 || redirect == null || !redirect.startsWith(redirectUri)) {
            throw new LoginFailedException(username, afterLogin.statusCode(), pageMessage(afterLogin.body())
                    + (redirect == null ? "" : " (redirect to " + redirect + ")"));
        }
        Map<String, String> params = queryParams(URI.create(redirect));
        if (params.containsKey("error")) {
            throw new LoginFailedException(username, afterLogin.statusCode(),
                    params.get("error") + ": " + params.getOrDefault("error_description", ""));
        }
        if (!state.equals(params.get("state"))) {
            throw new IllegalStateException("state mismatch in redirect " + redirect);
        }
        String code = params.get("code");
        if (code == null) {
            throw new IllegalStateException("no code in redirect " + redirect);
        }

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", SPA_CLIENT_ID);
        exchange.put("code_verifier", verifier);
        return tokenRequest(exchange, null);
    }

    /** Refreshes tokens obtained by {@link #userToken} (client {@code lantern-spa}). */
    public TokenResponse refresh(String refreshToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        params.put("client_id", SPA_CLIENT_ID);
        return tokenRequest(params, null);
    }

    // --- client credentials --------------------------------------------------------------------

    /** Client credentials grant, authenticating with HTTP Basic (client_secret_basic). */
    public TokenResponse clientCredentialsToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString(
                (urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
        return tokenRequest(Map.of("grant_type", "client_credentials"), "Basic " + basic);
    }

    /** Token of {@code lantern-partner-demo} (realm role {@code partner}). */
    public TokenResponse partnerDemoToken() {
        return clientCredentialsToken(PARTNER_DEMO_CLIENT_ID, PARTNER_DEMO_SECRET);
    }

    // --- JWT -----------------------------------------------------------------------------------

    /** The payload (claims) of a JWT, without verifying its signature: for assertions only. */
    public static Map<String, Object> decodePayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + excerpt(jwt));
        }
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);
        return JSON.readValue(new String(json, StandardCharsets.UTF_8), MAP);
    }

    /** A token endpoint answer. {@code refreshToken} and {@code idToken} may be null. */
    public record TokenResponse(String accessToken, String refreshToken, String idToken, String tokenType,
            long expiresIn, String scope, Map<String, Object> raw) {

        /** Claims of the access token. */
        public Map<String, Object> accessClaims() {
            return decodePayload(accessToken);
        }

        /** {@code Bearer <access token>}, for an Authorization header. */
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** Keycloak did not log the user in (wrong password, disabled or locked user, …). */
    public static final class LoginFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String username;
        private final int status;

        LoginFailedException(String username, int status, String message) {
            super("login of '" + username + "' failed (HTTP " + status + "): " + message);
            this.username = username;
            this.status = status;
        }

        public String username() {
            return username;
        }

        public int status() {
            return status;
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * Cookies of one login against one Keycloak. {@link java.net.CookieManager} would not do:
     * Keycloak marks its cookies {@code Secure} even over plain http (browsers treat localhost as
     * a secure context and send them anyway), and CookieManager then never sends them back.
     */
    private static final class LoginCookieJar extends CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
                        || (attribute.startsWith("expires=") && attribute.contains("1970"))) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private TokenResponse tokenRequest(Map<String, String> params, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(plainClient, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + tokenEndpoint() + " (" + params.get("grant_type") + ") -> "
                    + response.statusCode() + ": " + excerpt(response.body()));
        }
        Map<String, Object> body = JSON.readValue(response.body(), MAP);
        return new TokenResponse(
                (String) body.get("access_token"),
                (String) body.get("refresh_token"),
                (String) body.get("id_token"),
                (String) body.get("token_type"),
                body.get("expires_in") instanceof Number n ? n.longValue() : 0L,
                (String) body.get("scope"),
                body);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + built.method() + " " + built.uri(), e);
        }
    }

    /** The action of the login form ({@code id="kc-form-login"}, else the first form), resolved. */
    private static URI loginFormAction(HttpResponse<String> page) {
        String html = page.body();
        String fallback = null;
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            Matcher action = ACTION.matcher(forms.group());
            if (!action.find()) {
                continue;
            }
            if (LOGIN_FORM_ID.matcher(forms.group()).find()) {
                return page.uri().resolve(htmlUnescape(action.group(1)));
            }
            if (fallback == null) {
                fallback = action.group(1);
            }
        }
        if (fallback != null) {
            return page.uri().resolve(htmlUnescape(fallback));
        }
        throw new IllegalStateException("no login form in " + page.uri() + ":\n" + excerpt(html));
    }

    private static String pageMessage(String html) {
        Matcher error = ERROR_TEXT.matcher(html);
        if (error.find()) {
            return htmlUnescape(error.group(1).replaceAll("<[^>]*>", "").strip());
        }
        Matcher title = TITLE.matcher(html);
        return title.find() ? "page \"" + htmlUnescape(title.group(1).strip()) + "\"" : excerpt(html);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> " (Location: " + l + ")").orElse("");
    }

    private static Map<String, String> queryParams(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    static String htmlUnescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
    }
}
