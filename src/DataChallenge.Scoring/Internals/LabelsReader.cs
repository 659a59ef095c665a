using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>Reads and checks the labels file. Its values are hidden, so its messages never quote one.</summary>
internal static class LabelsReader
{
    public static LabelsTable Read(Stream stream, ScoringConfig config, TaskLayout layout, string file, CancellationToken cancellationToken)
    {
        var csv = new CsvReader(stream, file, cancellationToken);
        if (!csv.ReadRow()) throw csv.RejectFile("the file is empty.");
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.LabelColumns);
        if (config.SplitColumn is not null) expected.Add(config.SplitColumn);
        if (config.GroupColumn is not null) expected.Add(config.GroupColumn);
        var map = HeaderLayout.Resolve(csv, expected);
        var columns = csv.FieldCount;
        var idField = map[0];
        var labelFields = map.AsSpan(1, config.LabelColumns.Count).ToArray();
        var splitField = config.SplitColumn is null ? -1 : map[1 + config.LabelColumns.Count];
        var groupField = config.GroupColumn is null ? -1 : map[^1];

        var cells = new CellReader(csv, hidden: true);
        var ids = new IdIndex();
        var truth = new GrowableArray<double>();
        var truthClass = new GrowableArray<int>();
        var text = new GrowableArray<RleMask>();
        var split = new GrowableArray<byte>();
        var group = new GrowableArray<int>();
        var groupNames = groupField >= 0 ? new IdIndex() : null;
        while (csv.ReadRow())
        {
            RowRules.CheckFieldCount(csv, columns);
            var id = csv.Field(idField);
            if (id.IsEmpty) throw csv.Reject(idField, "the id is empty.");
            if (ids.Add(id) >= 0)
                throw csv.Reject(idField, $"the id '{RowRules.Shorten(csv.FieldText(idField))}' appears more than once.");
            layout.ReadTruth(cells, labelFields, ref truth, ref truthClass, ref text);
            if (splitField >= 0) split.Add(ReadSplit(csv, splitField));
            if (groupNames is not null)
            {
                var name = csv.Field(groupField);
                if (name.IsEmpty) throw csv.Reject(groupField, "the group is empty.");
                var existing = groupNames.Add(name);
                group.Add(existing >= 0 ? existing : groupNames.Count - 1);
            }
        }

        if (ids.Count == 0) throw csv.RejectFile("the file has a header but no rows.");
        return new LabelsTable
        {
            Ids = ids,
            Truth = truth.ToArray(),
            TruthClass = truthClass.ToArray(),
            TruthMasks = text.ToArray(),
            Split = splitField >= 0 ? split.ToArray() : null,
            Group = groupNames is not null ? group.ToArray() : null,
            GroupNames = groupNames,
        };
    }

    private static byte ReadSplit(CsvReader csv, int field)
    {
        var value = csv.Field(field);
        if (value.SequenceEqual("Public"u8)) return 0;
        if (value.SequenceEqual("Private"u8)) return 1;
        throw csv.Reject(field, "the split must be Public or Private.");
    }
}
