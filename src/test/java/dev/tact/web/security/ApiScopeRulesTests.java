package dev.tact.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiScope;
import org.junit.jupiter.api.Test;

class ApiScopeRulesTests {

  @Test
  void shouldNeedTheScopeThatTheMethodAndPathCallFor() {
    assertThat(ApiScopeRules.required("GET", "/api/v1/admin/tokens")).isEqualTo(ApiScope.ADMIN);
    assertThat(ApiScopeRules.required("DELETE", "/api/v1/admin/mailboxes/1")).isEqualTo(ApiScope.ADMIN);
    assertThat(ApiScopeRules.required("GET", "/api/v1/administrators")).isEqualTo(ApiScope.READ);
    assertThat(ApiScopeRules.required("POST", "/api/v1/messages")).isEqualTo(ApiScope.INTAKE);
    assertThat(ApiScopeRules.required("POST", "/api/v1/mail")).isEqualTo(ApiScope.INTAKE);
    assertThat(ApiScopeRules.required("GET", "/api/v1/mail/messages/1")).isEqualTo(ApiScope.READ);
    assertThat(ApiScopeRules.required("POST", "/api/v1/conversations/7/replies")).isEqualTo(ApiScope.WRITE);
    assertThat(ApiScopeRules.required("PUT", "/api/v1/noise/held/1/release")).isEqualTo(ApiScope.WRITE);
    assertThat(ApiScopeRules.required("HEAD", "/api/v1/conversations")).isEqualTo(ApiScope.READ);
  }

  @Test
  void shouldLetWriteGrantReadButNoScopeGrantAnother() {
    assertThat(ApiScope.WRITE.grants(ApiScope.READ)).isTrue();
    assertThat(ApiScope.READ.grants(ApiScope.WRITE)).isFalse();
    assertThat(ApiScope.ADMIN.grants(ApiScope.READ)).isFalse();
    assertThat(ApiScope.WRITE.grants(ApiScope.INTAKE)).isFalse();
  }
}
