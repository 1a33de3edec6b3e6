import threading
import unittest

from app.store import NoteStore, ValidationError


class NoteStoreTests(unittest.TestCase):
    def setUp(self):
        self.store = NoteStore(clock=lambda: 1700000000.5)

    def test_add_normalises_text_and_tags(self):
        note = self.store.add("  buy milk ", ["Home", "home", "errand"])
        self.assertEqual(note, {"id": 1, "text": "buy milk", "tags": ["errand", "home"], "created": 1700000000})

    def test_invalid_notes_are_rejected(self):
        for text, tags in [("", []), ("   ", []), ("x" * 1001, []), (42, []),
                           ("ok", "not-a-list"), ("ok", ["a"] * 6), ("ok", [""])]:
            with self.subTest(text=text, tags=tags), self.assertRaises(ValidationError):
                self.store.add(text, tags)

    def test_get_delete_and_list_by_tag(self):
        a = self.store.add("a", ["x"])
        self.store.add("b", ["y"])
        self.assertEqual([n["text"] for n in self.store.list("X")], ["a"])
        self.assertTrue(self.store.delete(a["id"]))
        self.assertFalse(self.store.delete(a["id"]))
        self.assertIsNone(self.store.get(a["id"]))

    def test_returned_notes_are_copies(self):
        note = self.store.add("original")
        note["text"] = "changed"
        self.assertEqual(self.store.get(note["id"])["text"], "original")

    def test_stats_count_words_and_tags(self):
        self.store.add("one two three", ["a", "b"])
        self.store.add("four", ["a"])
        self.assertEqual(self.store.stats(), {"notes": 2, "words": 4, "tags": {"a": 2, "b": 1}})

    def test_concurrent_adds_get_unique_ids(self):
        threads = [threading.Thread(target=lambda: [self.store.add("n") for _ in range(20)]) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ids = [n["id"] for n in self.store.list()]
        self.assertEqual(ids, list(range(1, 101)))


if __name__ == "__main__":
    unittest.main()
