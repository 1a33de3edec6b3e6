// Package items holds an in-memory, concurrency-safe store of to-do items.
package items

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"time"
)

// Item is one to-do entry.
type Item struct {
	ID        int       `json:"id"`
	Title     string    `json:"title"`
	Done      bool      `json:"done"`
	CreatedAt time.Time `json:"createdAt"`
}

// ErrInvalidTitle is returned when a title is empty or too long.
var ErrInvalidTitle = errors.New("title must be 1-200 characters")

// ErrNotFound is returned for an unknown id.
var ErrNotFound = errors.New("item not found")

// Store keeps items in memory.
type Store struct {
	mu     sync.RWMutex
	nextID int
	items  map[int]Item
	now    func() time.Time
}

// NewStore returns an empty store; now may be nil (time.Now).
func NewStore(now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{nextID: 1, items: map[int]Item{}, now: now}
}

// Add validates the title and stores a new item.
func (s *Store) Add(title string) (Item, error) {
	title = strings.TrimSpace(title)
	if title == "" || len(title) > 200 {
		return Item{}, ErrInvalidTitle
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	it := Item{ID: s.nextID, Title: title, CreatedAt: s.now().UTC()}
	s.items[it.ID] = it
	s.nextID++
	return it, nil
}

// Get returns one item.
func (s *Store) Get(id int) (Item, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	it, ok := s.items[id]
	if !ok {
		return Item{}, ErrNotFound
	}
	return it, nil
}

// SetDone marks an item done or not done.
func (s *Store) SetDone(id int, done bool) (Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	if !ok {
		return Item{}, ErrNotFound
	}
	it.Done = done
	s.items[id] = it
	return it, nil
}

// Delete removes an item.
func (s *Store) Delete(id int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.items[id]; !ok {
		return ErrNotFound
	}
	delete(s.items, id)
	return nil
}

// List returns all items ordered by id.
func (s *Store) List() []Item {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Item, 0, len(s.items))
	for _, it := range s.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
