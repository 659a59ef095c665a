namespace DataChallenge.Scoring.Internals;

/// <summary>An append-only array for a file whose row count is known only at its end.</summary>
internal struct GrowableArray<T>()
{
    private T[] _items = new T[1024];

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public void AddRange(GrowableArray<T> other)
    {
        var items = other._items.AsSpan(0, other.Count);
        if (Count + items.Length > _items.Length) Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + items.Length));
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public readonly T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
