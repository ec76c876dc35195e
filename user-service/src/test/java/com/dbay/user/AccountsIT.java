package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AccountsIT {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void registrationAnswers201WithTheAccountAndNeverThePasswordHash() {
    String name = Api.unique("reg");
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                name + "@It.Dbay",
                "username",
                name,
                "password",
                "correct-horse-battery-9",
                "displayName",
                "Reg Ister"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("/api/v1/user/users/" + r.body().get("id").asString());
    assertThat(r.body().get("email").asString()).isEqualTo(name + "@it.dbay");
    assertThat(r.body().get("displayName").asString()).isEqualTo("Reg Ister");
    assertThat(r.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(r.body().get("memberSince")).isNotNull();
    assertThat(r.body().toString()).doesNotContain("password").doesNotContain("$2");
  }

  @Test
  void aTrailingSlashIsAcceptedOnRegistration() {
    String name = Api.unique("slash");
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register/",
            Map.of(
                "email",
                name + "@it.dbay",
                "username",
                name,
                "password",
                "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void aDuplicateEmailIs409ProblemJson() {
    String name = Api.unique("dupe");
    api.register(name);

    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                name.toUpperCase() + "@it.dbay",
                "username",
                Api.unique("other"),
                "password",
                "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body().get("type").asString()).endsWith("/duplicate-account");
    assertThat(Api.errorFields(r.body()).contains("email")).isTrue();
  }

  @Test
  void aDuplicateUsernameIs409ProblemJson() {
    String name = Api.unique("dupu");
    api.register(name);

    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                Api.unique("x") + "@it.dbay",
                "username",
                name.toUpperCase(),
                "password",
                "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(Api.errorFields(r.body()).contains("username")).isTrue();
  }

  @Test
  void weakPasswordsAreRefusedWithAReasonPerField() {
    String name = Api.unique("weak");
    for (String weak : new String[] {"short1", "password123", "aaaaaaaaaaaa", name + "-secret"}) {
      Api.Response r =
          api.anonymous(
              "POST",
              "/api/v1/user/register",
              Map.of("email", name + "@it.dbay", "username", name, "password", weak));

      assertThat(r.status()).as(weak).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(Api.errorFields(r.body()).contains("password")).as(weak).isTrue();
    }
  }

  @Test
  void malformedRegistrationsAre400WithFieldErrors() {
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email", "not-an-email", "username", "x", "password", "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(Api.errorFields(r.body()).contains("email")).isTrue();
    assertThat(Api.errorFields(r.body()).contains("username")).isTrue();
  }

  @Test
  void sendingRolesOrIdAtRegistrationChangesNothing() {
    String name = Api.unique("massreg");
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                name + "@it.dbay",
                "username",
                name,
                "password",
                "correct-horse-battery-9",
                "roles",
                java.util.List.of("ADMIN"),
                "id",
                "00000000-0000-0000-0000-000000000001",
                "status",
                "ACTIVE"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(r.body().get("id").asString()).isNotEqualTo("00000000-0000-0000-0000-000000000001");
  }

  @Test
  void meReturnsTheProvenCallersOwnAccount() {
    JsonNode alice = api.register(Api.unique("me"));

    Api.Response r = api.as(Api.identityOf(alice), "GET", "/api/v1/user/users/me/", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("id").asString()).isEqualTo(alice.get("id").asString());
    assertThat(r.body().get("email").asString()).isEqualTo(alice.get("email").asString());
  }

  @Test
  void meWithoutAnyIdentityIs401ProblemJson() {
    Api.Response r = api.anonymous("GET", "/api/v1/user/users/me/", null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aDirectCallWithAHandWrittenUserIdCannotActAsThatUser() {
    JsonNode victim = api.register(Api.unique("victim"));

    Api.Response read =
        api.send(
            "GET",
            "/api/v1/user/users/me/",
            null,
            Map.of(
                IdentityHeaders.USER_ID,
                victim.get("id").asString(),
                IdentityHeaders.ROLES,
                "USER,ADMIN"));
    Api.Response write =
        api.send(
            "PATCH",
            "/api/v1/user/users/me/",
            Map.of("displayName", "pwned"),
            Map.of(IdentityHeaders.USER_ID, victim.get("id").asString()));

    assertThat(read.status()).isEqualTo(401);
    assertThat(write.status()).isEqualTo(401);
    Api.Response after = api.as(Api.identityOf(victim), "GET", "/api/v1/user/users/me/", null);
    assertThat(after.body().get("displayName").asString()).isNotEqualTo("pwned");
  }

  @Test
  void aDirectCallWithAForgedOrReplayedProofCannotActAsAUser() {
    JsonNode victim = api.register(Api.unique("replay"));
    Identity identity = Api.identityOf(victim);
    // A proof captured for another path, replayed here.
    Map<String, String> captured = Api.signed(identity, "GET", "/api/v1/user/profiles/someone");
    Map<String, String> forged =
        new java.util.HashMap<>(Api.signed(identity, "GET", "/api/v1/user/users/me/"));
    forged.put(
        IdentityHeaders.PROOF_SIGNATURE,
        "AAAA" + forged.get(IdentityHeaders.PROOF_SIGNATURE).substring(4));

    assertThat(api.send("GET", "/api/v1/user/users/me/", null, captured).status()).isEqualTo(401);
    assertThat(api.send("GET", "/api/v1/user/users/me/", null, forged).status()).isEqualTo(401);
  }

  @Test
  void aProfileUpdateChangesOnlyTheProfileFields() {
    JsonNode bob = api.register(Api.unique("prof"));
    Identity identity = Api.identityOf(bob);

    Api.Response r =
        api.as(
            identity,
            "PATCH",
            "/api/v1/user/users/me/",
            Map.of(
                "displayName",
                "Bob B.",
                "location",
                "Lisbon",
                "avatarUrl",
                "https://img.example/bob.png",
                "roles",
                java.util.List.of("ADMIN"),
                "id",
                "00000000-0000-0000-0000-000000000001",
                "email",
                "evil@it.dbay",
                "status",
                "ACTIVE",
                "username",
                "someone-else"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("displayName").asString()).isEqualTo("Bob B.");
    assertThat(r.body().get("location").asString()).isEqualTo("Lisbon");
    assertThat(r.body().get("avatarUrl").asString()).isEqualTo("https://img.example/bob.png");
    assertThat(r.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(r.body().get("id").asString()).isEqualTo(bob.get("id").asString());
    assertThat(r.body().get("email").asString()).isEqualTo(bob.get("email").asString());
    assertThat(r.body().get("username").asString()).isEqualTo(bob.get("username").asString());
  }

  @Test
  void anInvalidProfileUpdateIs400AndWritesNothing() {
    JsonNode carol = api.register(Api.unique("inv"));
    Identity identity = Api.identityOf(carol);

    Api.Response r =
        api.as(
            identity,
            "PATCH",
            "/api/v1/user/users/me/",
            Map.of("displayName", "Carol", "avatarUrl", "javascript:alert(1)"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(Api.errorFields(r.body()).contains("avatarUrl")).isTrue();
    assertThat(
            api.as(identity, "GET", "/api/v1/user/users/me/", null)
                .body()
                .get("displayName")
                .asString())
        .isNotEqualTo("Carol");
  }

  @Test
  void userACannotReadUserBsPrivateAccount() {
    JsonNode a = api.register(Api.unique("usera"));
    JsonNode b = api.register(Api.unique("userb"));

    Api.Response r =
        api.as(Api.identityOf(a), "GET", "/api/v1/user/users/" + b.get("id").asString(), null);
    Api.Response own =
        api.as(Api.identityOf(b), "GET", "/api/v1/user/users/" + b.get("id").asString(), null);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().toString()).doesNotContain(b.get("email").asString());
    assertThat(own.status()).isEqualTo(200);
  }

  @Test
  void userACannotChangeUserBsProfileEvenByNamingBsId() {
    JsonNode a = api.register(Api.unique("chga"));
    JsonNode b = api.register(Api.unique("chgb"));

    api.as(
        Api.identityOf(a),
        "PATCH",
        "/api/v1/user/users/me/",
        Map.of("id", b.get("id").asString(), "displayName", "A was here"));

    JsonNode bAfter = api.as(Api.identityOf(b), "GET", "/api/v1/user/users/me/", null).body();
    assertThat(bAfter.get("displayName").asString()).isEqualTo(b.get("displayName").asString());
    assertThat(
            api.as(
                    Api.identityOf(a),
                    "PUT",
                    "/api/v1/user/users/" + b.get("id").asString(),
                    Map.of("displayName", "x"))
                .status())
        .isIn(404, 405);
  }

  @Test
  void aPublicProfileShowsNoEmail() {
    JsonNode dave = api.register(Api.unique("pub"));

    Api.Response r =
        api.anonymous("GET", "/api/v1/user/profiles/" + dave.get("username").asString(), null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("username").asString()).isEqualTo(dave.get("username").asString());
    assertThat(r.body().has("email")).isFalse();
    assertThat(r.body().has("roles")).isFalse();
    assertThat(r.body().get("memberSince")).isNotNull();
  }

  @Test
  void anUnknownPublicProfileIs404ProblemJson() {
    Api.Response r = api.anonymous("GET", "/api/v1/user/profiles/" + Api.unique("nobody"), null);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void rolesInAForgedlessButUnprovenHeaderDoNotMakeAnAdmin() {
    JsonNode mallory = api.register(Api.unique("mal"));
    JsonNode target = api.register(Api.unique("tgt"));
    // Properly proven identity that claims ADMIN in its roles: the database still decides.
    Identity claimsAdmin =
        new Identity(
            mallory.get("id").asString(),
            "",
            mallory.get("username").asString(),
            "",
            Set.of("USER", "ADMIN"));

    Api.Response r =
        api.as(
            claimsAdmin,
            "POST",
            "/api/v1/user/admin/users/" + target.get("id").asString() + "/suspend",
            Map.of("reason", "x"));

    assertThat(r.status()).isEqualTo(403);
  }
}
