"""In-memory, thread-safe note store."""
import threading
import time


class ValidationError(ValueError):
    """Raised when a note is invalid."""


class NoteStore:
    MAX_TEXT = 1000
    MAX_TAGS = 5

    def __init__(self, clock=time.time):
        self._lock = threading.Lock()
        self._notes = {}
        self._next_id = 1
        self._clock = clock

    def add(self, text, tags=()):
        if not isinstance(text, str) or not text.strip() or len(text) > self.MAX_TEXT:
            raise ValidationError(f"text must be 1-{self.MAX_TEXT} characters")
        if not isinstance(tags, (list, tuple)) or len(tags) > self.MAX_TAGS \
                or not all(isinstance(t, str) and t.strip() for t in tags):
            raise ValidationError(f"tags must be a list of at most {self.MAX_TAGS} non-empty strings")
        with self._lock:
            note = {"id": self._next_id, "text": text.strip(),
                    "tags": sorted({t.strip().lower() for t in tags}), "created": int(self._clock())}
            self._notes[note["id"]] = note
            self._next_id += 1
            return dict(note)

    def get(self, note_id):
        with self._lock:
            note = self._notes.get(note_id)
            return dict(note) if note else None

    def delete(self, note_id):
        with self._lock:
            return self._notes.pop(note_id, None) is not None

    def list(self, tag=None):
        with self._lock:
            notes = [dict(n) for n in self._notes.values()]
        if tag:
            notes = [n for n in notes if tag.lower() in n["tags"]]
        return sorted(notes, key=lambda n: n["id"])

    def stats(self):
        with self._lock:
            notes = list(self._notes.values())
        tags = {}
        for n in notes:
            for t in n["tags"]:
                tags[t] = tags.get(t, 0) + 1
        words = sum(len(n["text"].split()) for n in notes)
        return {"notes": len(notes), "words": words, "tags": dict(sorted(tags.items()))}
