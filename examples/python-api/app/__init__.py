"""Notes API: a small JSON service on the standard library's http.server."""
