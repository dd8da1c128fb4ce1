// Mujib's patch (tools/ferretdb/patches.json): recognises the aggregation a count per group
// is, so the backend may answer it without decoding documents (see
// internal/backends/sqlite/mujib_pushdown.go).
package handler

import (
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
)

// mujibGroupCountHint returns the hint for a pipeline that is exactly
// [{$match: filter}] + {$group: {_id: "$field" or a constant, <name>: {$sum: 1}}}, where the
// backend gets the whole filter; nil otherwise.
func mujibGroupCountHint(stagesDocs []any, filter *types.Document, qp *backends.QueryParams) *backends.GroupCountHint {
	if len(stagesDocs) < 1 || len(stagesDocs) > 2 || filter.Len() != qp.Filter.Len() {
		return nil
	}

	if len(stagesDocs) == 2 {
		m, ok := stagesDocs[0].(*types.Document)
		if !ok || m.Len() != 1 || !m.Has("$match") {
			return nil
		}

		if d, _ := m.Get("$match"); d != filter {
			return nil
		}
	} else if filter.Len() != 0 {
		return nil
	}

	s, ok := stagesDocs[len(stagesDocs)-1].(*types.Document)
	if !ok || s.Len() != 1 || !s.Has("$group") {
		return nil
	}

	gv, _ := s.Get("$group")

	g, ok := gv.(*types.Document)
	if !ok || g.Len() != 2 || g.Keys()[0] != "_id" {
		return nil
	}

	as := g.Keys()[1]
	if as == "" || strings.ContainsAny(as, "$.") {
		return nil
	}

	accv, _ := g.Get(as)

	acc, ok := accv.(*types.Document)
	if !ok || acc.Len() != 1 || acc.Keys()[0] != "$sum" {
		return nil
	}

	if one, _ := acc.Get("$sum"); one != int32(1) {
		return nil
	}

	hint := &backends.GroupCountHint{As: as}

	switch id := mujibValue(g.Get("_id")).(type) {
	case string:
		if strings.HasPrefix(id, "$") {
			hint.Field = id[1:]
			if hint.Field == "" || strings.ContainsAny(hint.Field, "$.") {
				return nil
			}
		} else {
			hint.Constant = id
		}
	case int32, int64, bool, types.NullType:
		hint.Constant = id
	default:
		return nil
	}

	return hint
}

func mujibValue(v any, _ error) any { return v }
