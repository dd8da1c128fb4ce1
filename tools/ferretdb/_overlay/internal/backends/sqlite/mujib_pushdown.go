// Mujib's patch (tools/ferretdb/patches.json; this file is copied into FerretDB's source at
// build time): sort+limit and count-per-group pushdown for the SQLite backend, answered from
// the indexes FerretDB creates for declared indexes, so a console page reads O(page) rows
// instead of decoding the whole collection in Go (19 s for 100,000 tickets).
//
// Why only for queries that opt in (comment "mujib:typed"): an index holds each field's JSON
// text (`_ferretdb_sjson->'f'`), not its BSON type. A string, an ObjectID, a regex and binData
// all look like "abc"; an int, a double, a date and a timestamp all look like 123; and JSON
// text orders 10 before 9. Reading the type from the document's "$s" schema instead means
// parsing every row, which the pure-Go SQLite does at about 50 us a row (5-10 s for 100,000
// tickets: measured, not much better than FerretDB itself). So the caller promises what its
// schema guarantees, and this code checks what it can:
//
//   - the caller's promise: every field in the filter, the sort and the group key holds one
//     type (or is missing) in every document: a string of printable characters, a boolean, an
//     integer 0-9, or a date between 2001-09-09 and 2286-11-20; no arrays;
//   - checked on every row returned: the values have those types and the filter's types, and
//     each field holds one type; anything else and the pushdown gives up;
//   - checked on every statement (EXPLAIN QUERY PLAN): SQLite walks an index for every filter
//     term and in sort order, so the work is bounded by the page, never by the collection;
//     otherwise the pushdown gives up.
//
// Under that promise JSON-text order is FerretDB's order (missing first; then by value), a
// $in is run as one equality query per value (each in index order) and the handler merges
// them: it still filters, sorts, skips and limits what it gets. Giving up means running the
// query as unpatched FerretDB does. Ties: FerretDB sorts with sort.Sort (not stable), so the
// order of equal keys is not defined by it either.
package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// MujibTypedComment is the comment with which a find or aggregate opts in.
const MujibTypedComment = "mujib:typed"

const (
	mujibMaxCombos = 32   // equality queries a filter's $in values expand to
	mujibMaxGroups = 1000 // groups a count per group reads
)

// mujibEq is one equality condition: field k equals v (a string or a bool).
type mujibEq struct {
	k string
	v any
}

// mujibCombos expands filter into equality conditions, one list per combination of $in values.
func mujibCombos(filter *types.Document) ([][]mujibEq, bool) {
	combos := [][]mujibEq{nil}

	for _, k := range filter.Keys() {
		if !pushdownField(k) {
			return nil, false
		}

		v := must.NotFail(filter.Get(k))
		if pushdownPrefix(v) != "" {
			return nil, false
		}

		vals := pushdownValues(v)
		if len(vals) == 0 || len(combos)*len(vals) > mujibMaxCombos {
			return nil, false
		}

		for _, val := range vals {
			switch val.(type) {
			case string, bool:
			default:
				return nil, false
			}
		}

		next := make([][]mujibEq, 0, len(combos)*len(vals))

		for _, c := range combos {
			for _, val := range vals {
				next = append(next, append(append([]mujibEq(nil), c...), mujibEq{k, val}))
			}
		}

		combos = next
	}

	return combos, true
}

// mujibWhere renders equality conditions the way the indexes are written.
func mujibWhere(eqs []mujibEq) ([]string, []any) {
	conds := make([]string, 0, len(eqs))
	args := make([]any, 0, len(eqs))

	for _, e := range eqs {
		conds = append(conds, metadata.DefaultColumn+"->'"+e.k+"' = (? -> '$')")
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(e.v))))
	}

	return conds, args
}

// mujibIndexed reports whether SQLite answers q from an index: a SEARCH using every one of the
// `terms` WHERE conditions (or, with none, a SCAN of an index), and no sort of the whole result.
func mujibIndexed(ctx context.Context, db *fsql.DB, q string, args []any, terms int) (bool, error) {
	rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		return false, lazyerrors.Error(err)
	}
	defer rows.Close()

	ok := false

	for rows.Next() {
		var id, parent, notused int64
		var detail string

		if err = rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return false, lazyerrors.Error(err)
		}

		switch {
		case strings.HasPrefix(detail, "SEARCH ") && strings.Contains(detail, " INDEX "):
			ok = strings.Count(detail, "<expr>") >= terms && terms > 0
		case strings.HasPrefix(detail, "SCAN ") && strings.Contains(detail, " INDEX ") && terms == 0:
			ok = true
		case detail == "USE TEMP B-TREE FOR ORDER BY":
			return false, nil // the whole result sorted: not bounded by the page
		case strings.HasPrefix(detail, "USE TEMP B-TREE FOR"):
			// the right part of ORDER BY: ties of the indexed part, read group by group
		default:
			return false, nil
		}
	}

	return ok, rows.Err()
}

// mujibClass is the type class of a value for the promise above ("" if outside it).
func mujibClass(v any, present bool) string {
	if !present {
		return "missing"
	}

	switch v := v.(type) {
	case string:
		if !utf8.ValidString(v) {
			return ""
		}

		for _, r := range v {
			// JSON text keeps their order; quotes, backslashes, control characters, <>&
			// and U+2028/9 are escaped and would not (a space or ! sorts before the closing quote).
			if r < '#' || r == '\\' || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029' {
				return ""
			}
		}

		return "string"
	case bool:
		return "bool"
	case int32:
		if v >= 0 && v <= 9 {
			return "digit"
		}
	case int64:
		if v >= 0 && v <= 9 {
			return "digit"
		}
	case time.Time:
		if ms := v.UnixMilli(); ms >= 1e12 && ms < 1e13 {
			return "date"
		}
	}

	return ""
}

// mujibCheck checks the returned documents against the promise; classes carries each field's
// class across calls.
func mujibCheck(docs []*types.Document, eqs []mujibEq, fields []string, classes map[string]string) bool {
	for _, d := range docs {
		for _, e := range eqs {
			v, err := d.Get(e.k)
			if err != nil || fmt.Sprintf("%T", v) != fmt.Sprintf("%T", e.v) {
				return false // same JSON text, another type (a regex, an ObjectID...)
			}
		}

		for _, f := range fields {
			v, err := d.Get(f)

			c := mujibClass(v, err == nil)
			if c == "" {
				return false
			}

			if c == "missing" {
				continue
			}

			if prev, seen := classes[f]; seen && prev != c {
				return false
			}

			classes[f] = c
		}
	}

	return true
}

// mujibSortedQuery answers a find with SortHint and LimitHint, or returns ok false.
func mujibSortedQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, bool, error) {
	if params.Comment != MujibTypedComment || params.SortHint.Len() == 0 || params.LimitHint <= 0 ||
		meta.Capped() || params.OnlyRecordIDs {
		return nil, false, nil
	}

	combos, ok := mujibCombos(params.Filter)
	if !ok {
		return nil, false, nil
	}

	var order []string

	for _, k := range params.SortHint.Keys() {
		if !pushdownField(k) {
			return nil, false, nil
		}

		// written exactly as the index is (->"k"), or SQLite does not walk it in order
		switch must.NotFail(params.SortHint.Get(k)) {
		case int64(1):
			order = append(order, metadata.DefaultColumn+`->"`+k+`"`)
		case int64(-1):
			order = append(order, metadata.DefaultColumn+`->"`+k+`" DESC`)
		default:
			return nil, false, nil
		}
	}

	var docs []*types.Document
	classes := map[string]string{}

	for _, eqs := range combos {
		conds, args := mujibWhere(eqs)

		q := fmt.Sprintf(`SELECT %s FROM %q`, metadata.DefaultColumn, meta.TableName)
		if len(conds) > 0 {
			q += " WHERE " + strings.Join(conds, " AND ")
		}

		q += " ORDER BY " + strings.Join(order, ", ") + " LIMIT ?"
		args = append(args, params.LimitHint)

		if ok, err := mujibIndexed(ctx, db, q, args, len(conds)); err != nil || !ok {
			return nil, false, err
		}

		got, err := mujibRead(ctx, db, q, args)
		if err != nil {
			return nil, false, err
		}

		if !mujibCheck(got, eqs, params.SortHint.Keys(), classes) {
			return nil, false, nil
		}

		docs = append(docs, got...)
	}

	return &backends.QueryResult{Iter: iterator.Values(iterator.ForSlice(docs))}, true, nil
}

// mujibRead returns the documents q selects.
func mujibRead(ctx context.Context, db *fsql.DB, q string, args []any) ([]*types.Document, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
	defer rows.Close()

	var docs []*types.Document

	for rows.Next() {
		var b []byte
		if err = rows.Scan(&b); err != nil {
			return nil, lazyerrors.Error(err)
		}

		doc, err := sjson.Unmarshal(b)
		if err != nil {
			return nil, lazyerrors.Error(err)
		}

		docs = append(docs, doc)
	}

	return docs, rows.Err()
}

// mujibGroupedQuery answers [{$match}, {$group: {_id, n: {$sum: 1}}}] (GroupCountHint) with
// one document per group, from index seeks: the distinct keys one after another, then a count
// of each. Returns ok false to give up.
func mujibGroupedQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, bool, error) {
	g := params.GroupCountHint
	if g == nil || params.Comment != MujibTypedComment || meta.Capped() || params.OnlyRecordIDs {
		return nil, false, nil
	}

	if g.Field != "" && !pushdownField(g.Field) {
		return nil, false, nil
	}

	combos, ok := mujibCombos(params.Filter)
	if !ok {
		return nil, false, nil
	}

	counts := map[any]int64{}
	var keys []any
	add := func(k any, n int64) {
		if n == 0 {
			return
		}

		if _, seen := counts[k]; !seen {
			keys = append(keys, k)
		}

		counts[k] += n
	}

	for _, eqs := range combos {
		conds, args := mujibWhere(eqs)
		table := fmt.Sprintf("%q", meta.TableName)

		count := func(extra string, extraArgs ...any) (int64, bool, error) {
			cs := append(append([]string(nil), conds...), extra)
			if extra == "" {
				cs = conds
			}

			q := "SELECT count(*) FROM " + table
			if len(cs) > 0 {
				q += " WHERE " + strings.Join(cs, " AND ")
			}

			a := append(append([]any(nil), args...), extraArgs...)

			if ok, err := mujibIndexed(ctx, db, q, a, len(cs)); err != nil || !ok {
				return 0, false, err
			}

			var n int64
			if err := db.QueryRowContext(ctx, q, a...).Scan(&n); err != nil {
				return 0, false, lazyerrors.Error(err)
			}

			return n, true, nil
		}

		if g.Field == "" {
			n, ok, err := count("")
			if err != nil || !ok {
				return nil, false, err
			}

			add(g.Constant, n)

			continue
		}

		col := metadata.DefaultColumn + "->'" + g.Field + "'"

		// documents without the field (one group with null)
		n, ok, err := count(col + " IS NULL")
		if err != nil || !ok {
			return nil, false, err
		}

		add(types.Null, n)

		// the distinct keys, each the next one in the index
		next := fmt.Sprintf("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT 1",
			col, table, strings.Join(append(append([]string(nil), conds...), col+" > ?"), " AND "),
			metadata.DefaultColumn+`->"`+g.Field+`"`)
		if ok, err := mujibIndexed(ctx, db, next, append(append([]any(nil), args...), ""), len(conds)+1); err != nil || !ok {
			return nil, false, err
		}

		class := ""

		for last, steps := "", 0; ; steps++ {
			if steps > mujibMaxGroups {
				return nil, false, nil
			}

			var text *string
			if err := db.QueryRowContext(ctx, next, append(append([]any(nil), args...), last)...).Scan(&text); err != nil {
				if strings.Contains(err.Error(), "no rows") {
					break
				}

				return nil, false, lazyerrors.Error(err)
			}

			if text == nil {
				break
			}

			last = *text

			var key any

			switch {
			case last == "null":
				key = types.Null
			case last == "true" || last == "false":
				key = last == "true"
			case strings.HasPrefix(last, `"`):
				var s string
				if json.Unmarshal([]byte(last), &s) != nil {
					return nil, false, nil
				}

				key = s
			default:
				return nil, false, nil // a number, document or array: not under the promise
			}

			c := mujibClass(key, true)
			if key == types.Null {
				c = "missing"
			}

			if c == "" || (class != "" && c != "missing" && c != class) {
				return nil, false, nil
			}

			if c != "missing" {
				class = c
			}

			n, ok, err := count(col+" = ?", last)
			if err != nil || !ok {
				return nil, false, err
			}

			add(key, n)
		}
	}

	docs := make([]*types.Document, 0, len(keys))

	for _, k := range keys {
		var n any = counts[k]
		if counts[k] <= 1<<31-1 {
			n = int32(counts[k])
		}

		docs = append(docs, must.NotFail(types.NewDocument("_id", k, g.As, n)))
	}

	return &backends.QueryResult{Iter: iterator.Values(iterator.ForSlice(docs)), Grouped: true}, true, nil
}
