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

    public readonly T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
