package items

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// Handler serves the JSON API under /api/items and the /healthz probe.
func Handler(s *Store, version string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": version})
	})
	mux.HandleFunc("/api/items", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			writeJSON(w, http.StatusOK, s.List())
		case http.MethodPost:
			var body struct {
				Title string `json:"title"`
			}
			if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&body); err != nil {
				writeError(w, http.StatusBadRequest, "invalid JSON body")
				return
			}
			it, err := s.Add(body.Title)
			if err != nil {
				writeError(w, http.StatusUnprocessableEntity, err.Error())
				return
			}
			w.Header().Set("Location", "/api/items/"+strconv.Itoa(it.ID))
			writeJSON(w, http.StatusCreated, it)
		default:
			w.Header().Set("Allow", "GET, POST")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
		}
	})
	mux.HandleFunc("/api/items/", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/api/items/"))
		if err != nil {
			writeError(w, http.StatusNotFound, "not found")
			return
		}
		var it Item
		switch r.Method {
		case http.MethodGet:
			it, err = s.Get(id)
		case http.MethodPatch:
			var body struct {
				Done bool `json:"done"`
			}
			if derr := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&body); derr != nil {
				writeError(w, http.StatusBadRequest, "invalid JSON body")
				return
			}
			it, err = s.SetDone(id, body.Done)
		case http.MethodDelete:
			if err = s.Delete(id); err == nil {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		default:
			w.Header().Set("Allow", "GET, PATCH, DELETE")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		if errors.Is(err, ErrNotFound) {
			writeError(w, http.StatusNotFound, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, it)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
