package items

import (
	"sync"
	"testing"
	"time"
)

func fixedNow() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }

func TestAddAssignsIncreasingIDs(t *testing.T) {
	s := NewStore(fixedNow)
	a, _ := s.Add("first")
	b, _ := s.Add("second")
	if a.ID != 1 || b.ID != 2 {
		t.Fatalf("ids = %d, %d; want 1, 2", a.ID, b.ID)
	}
	if !a.CreatedAt.Equal(fixedNow()) {
		t.Fatalf("createdAt = %v", a.CreatedAt)
	}
}

func TestAddRejectsBlankAndLongTitles(t *testing.T) {
	s := NewStore(nil)
	for _, title := range []string{"", "   ", string(make([]byte, 201))} {
		if _, err := s.Add(title); err != ErrInvalidTitle {
			t.Errorf("Add(%q) error = %v, want ErrInvalidTitle", title, err)
		}
	}
}

func TestSetDoneAndDelete(t *testing.T) {
	s := NewStore(nil)
	it, _ := s.Add("write tests")
	done, err := s.SetDone(it.ID, true)
	if err != nil || !done.Done {
		t.Fatalf("SetDone = %+v, %v", done, err)
	}
	if err := s.Delete(it.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(it.ID); err != ErrNotFound {
		t.Fatalf("Get after delete error = %v", err)
	}
	if err := s.Delete(it.ID); err != ErrNotFound {
		t.Fatalf("second Delete error = %v", err)
	}
}

func TestListIsOrderedAndConcurrentSafe(t *testing.T) {
	s := NewStore(nil)
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _, _ = s.Add("task") }()
	}
	wg.Wait()
	list := s.List()
	if len(list) != 50 {
		t.Fatalf("len = %d", len(list))
	}
	for i, it := range list {
		if it.ID != i+1 {
			t.Fatalf("list[%d].ID = %d", i, it.ID)
		}
	}
}
