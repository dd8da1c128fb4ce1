// The comment with which a query tells our FerretDB build that the fields it filters, sorts or
// groups on hold the types the mongoose schema gives them (strings of printable characters,
// booleans, integers 0-9, dates after 2001; never arrays or null). The build may then answer a
// find with sort+limit, a $group count or a countDocuments from its SQLite indexes instead of
// decoding every document (tools/ferretdb/_overlay/internal/backends/sqlite/mujib_pushdown.go,
// which says what it checks). MongoDB only logs the comment.
export const TYPED_QUERY = 'mujib:typed';
