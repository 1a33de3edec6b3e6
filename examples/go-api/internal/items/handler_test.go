package items

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func do(t *testing.T, h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHealthzReportsVersion(t *testing.T) {
	rec := do(t, Handler(NewStore(nil), "1.2.3"), "GET", "/healthz", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"version":"1.2.3"`) {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
}

func TestCreateThenFetchItem(t *testing.T) {
	h := Handler(NewStore(nil), "test")
	rec := do(t, h, "POST", "/api/items", `{"title":"ship it"}`)
	if rec.Code != http.StatusCreated || rec.Header().Get("Location") != "/api/items/1" {
		t.Fatalf("create: %d %s", rec.Code, rec.Header())
	}
	rec = do(t, h, "GET", "/api/items/1", "")
	var it Item
	if err := json.Unmarshal(rec.Body.Bytes(), &it); err != nil || it.Title != "ship it" {
		t.Fatalf("get: %d %s", rec.Code, rec.Body)
	}
}

func TestPatchMarksDoneAndDeleteRemoves(t *testing.T) {
	h := Handler(NewStore(nil), "test")
	do(t, h, "POST", "/api/items", `{"title":"a"}`)
	if rec := do(t, h, "PATCH", "/api/items/1", `{"done":true}`); !strings.Contains(rec.Body.String(), `"done":true`) {
		t.Fatalf("patch: %s", rec.Body)
	}
	if rec := do(t, h, "DELETE", "/api/items/1", ""); rec.Code != http.StatusNoContent {
		t.Fatalf("delete: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/api/items/1", ""); rec.Code != http.StatusNotFound {
		t.Fatalf("get after delete: %d", rec.Code)
	}
}

func TestBadRequestsAreRejected(t *testing.T) {
	h := Handler(NewStore(nil), "test")
	cases := []struct {
		method, path, body string
		want               int
	}{
		{"POST", "/api/items", `not json`, http.StatusBadRequest},
		{"POST", "/api/items", `{"title":""}`, http.StatusUnprocessableEntity},
		{"PUT", "/api/items", ``, http.StatusMethodNotAllowed},
		{"GET", "/api/items/abc", ``, http.StatusNotFound},
		{"GET", "/api/items/99", ``, http.StatusNotFound},
	}
	for _, c := range cases {
		if rec := do(t, h, c.method, c.path, c.body); rec.Code != c.want {
			t.Errorf("%s %s: got %d, want %d", c.method, c.path, rec.Code, c.want)
		}
	}
}
