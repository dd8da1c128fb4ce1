// The rules playground: paste a tweet, read the decision and why, see the reply and its
// weighted length; run rules/tests.yml and read its failures. Read-only.
import type { Ctx } from '../context';
import { categoryName, timeZone } from '../context';
import { formatDateTime, formatNumber, formatPercent } from '../format';
import { horizontalBars } from '../charts';
import { markup, type Html } from '../html';
import type { MsgKey } from '../i18n';
import { MAX_PLAYGROUND_CHARS, type PlaygroundResult } from '../playground/explain';
import type { RuleTestReport } from '../playground/rule-tests';
import { csrfField, document } from './layout';
import { priorityLabel } from './ticket-card';

const ACTION_KEY: Record<PlaygroundResult['plan']['action'], MsgKey> = {
  acknowledge: 'actionAcknowledge',
  answer: 'actionAnswer',
  ignore: 'actionIgnore',
};

const SOURCE_KEY: Record<string, MsgKey> = {
  rule: 'sourceRule',
  model: 'sourceModel',
  fallback: 'sourceFallback',
};

const chips = (ctx: Ctx, items: string[]) =>
  items.length
    ? markup`<ul class="chips" dir="auto">
        ${items.map((s) => markup`<li>${s}</li>`)}
      </ul>`
    : markup`<p class="muted">${ctx.t('none')}</p>`;

function result(ctx: Ctx, r: PlaygroundResult): Html {
  const { t, lang } = ctx;
  const e = r.explanation;
  const d = e.decision;
  const cat = (id: string) => categoryName(ctx.app, id, lang);
  return markup`<section class="card result" id="explain-result">
    <h2>${t('decision')}</h2>
    <dl class="facts wide">
      <div>
        <dt>${t('category')}</dt>
        <dd data-category="${d.category}">
          <strong>${cat(d.category)}</strong> <bdi class="muted" dir="ltr">${d.category}</bdi>
        </dd>
      </div>
      <div>
        <dt>${t('source')}</dt>
        <dd data-source="${d.source}">
          ${t(SOURCE_KEY[d.source] ?? 'sourceFallback')}${d.rule ? markup` — <bdi dir="ltr">${d.rule}</bdi>` : ''}
        </dd>
      </div>
      <div>
        <dt>${t('confidence')}</dt>
        <dd>${formatPercent(lang, d.confidence)}</dd>
      </div>
      <div>
        <dt>${t('language')}</dt>
        <dd>${d.lang}</dd>
      </div>
      <div>
        <dt>${t('urgent')}</dt>
        <dd data-urgent="${String(d.urgent)}">
          ${d.urgent ? markup`<span class="badge urgent">${t('yes')}</span>` : t('no')}${d.urgentTerm ? markup` — ${d.urgentTerm}` : ''}${
            // Urgency's second source, shown even when it did not flag (issue 11).
            !d.urgent && e.urgencyModel
              ? markup` — <bdi dir="ltr" data-urgency-model>model ${e.urgencyModel.p.toFixed(2)} &lt; ${e.urgencyModel.threshold}</bdi>`
              : ''
          }
        </dd>
      </div>
      <div>
        <dt>${t('action')}</dt>
        <dd data-action="${r.plan.action}">
          ${t(ACTION_KEY[r.plan.action])} · ${t('escalate')}: ${r.plan.escalate ? t('yes') : t('no')} ·
          ${priorityLabel(ctx, r.plan.priority)}${
            r.plan.dueAt
              ? markup` · ${t('due')}: ${formatDateTime(lang, r.plan.dueAt, timeZone(ctx.app))}`
              : ''
          }<br /><span class="muted" dir="ltr">${r.plan.reason}</span>
        </dd>
      </div>
    </dl>
    <div class="columns">
      <section>
        <h3>${t('tokens')}</h3>
        ${chips(ctx, e.tokens)}
        <h3>${t('stems')}</h3>
        ${chips(ctx, e.stems)}
      </section>
      <section>
        <h3>${t('matchingRules')}</h3>
        ${
          e.rules.length
            ? markup`<ol class="rules" data-rules>
                ${e.rules.map(
                  (m, i) =>
                    markup`<li${i === 0 ? markup` class="winner"` : ''}><bdi dir="ltr">${m.id}</bdi> → ${cat(m.category ?? '')} <span class="muted" dir="auto">(${m.matched.join(' + ')})</span></li>`,
                )}
              </ol>`
            : markup`<p class="muted">${t('none')}</p>`
        }
        <h3>${t('urgentSignals')}</h3>
        ${
          e.urgent.length
            ? markup`<ul class="rules">
                ${e.urgent.map((m) => markup`<li><bdi dir="ltr">${m.id}</bdi> <span class="muted" dir="auto">(${m.matched.join(' + ')})</span></li>`)}
              </ul>`
            : markup`<p class="muted">${t('none')}</p>`
        }
      </section>
    </div>
    ${
      e.model.length
        ? horizontalBars(
            lang,
            t('modelTop3'),
            e.model.map((m) => ({
              label: cat(m.category),
              value: Math.round(m.p * 100),
              valueText: formatPercent(lang, m.p),
            })),
          )
        : markup`<h3>${t('modelTop3')}</h3>
            <p class="muted">${t('none')}</p>`
    }
    <h2>${t('replyPreview')}</h2>
    ${
      r.reply
        ? markup`<blockquote class="reply-preview" dir="${r.replyLang === 'ar' ? 'rtl' : 'ltr'}" lang="${r.replyLang}" data-reply>${r.reply.text}</blockquote>
            <p
              class="${r.reply.weightedLength > r.reply.max ? 'flash error' : 'muted'}"
              data-weighted="${r.reply.weightedLength}"
            >
              ${t('weightedLength', {
                n: formatNumber(lang, r.reply.weightedLength),
                max: formatNumber(lang, r.reply.max),
              })}
              · ${t('exampleRef')}
            </p>
            <meter
              min="0"
              max="${r.reply.max}"
              high="${r.reply.max - 20}"
              value="${r.reply.weightedLength}"
            ></meter>`
        : r.replyError
          ? markup`<p class="flash error">${r.replyError}</p>`
          : markup`<p class="muted">${t('noReply')}</p>`
    }
  </section>`;
}

function testsReport(ctx: Ctx, rep: RuleTestReport): Html {
  const { t, lang } = ctx;
  const cat = (id: string, urgent: boolean) =>
    `${categoryName(ctx.app, id, lang)}${urgent ? ` (${t('urgent')})` : ''}`;
  return markup`<section class="card" id="tests-result" data-failed="${rep.failures.length}">
    <h2>${t('runTests')}</h2>
    ${
      rep.failures.length
        ? markup`<p class="flash error">
              ${t('testsFailed', { failed: formatNumber(lang, rep.failures.length), total: formatNumber(lang, rep.total) })}
            </p>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>${t('location')}</th>
                    <th>${t('tweetText')}</th>
                    <th>${t('expected')}</th>
                    <th>${t('got')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rep.failures.map(
                    (f) =>
                      markup`<tr>
                        <td><bdi dir="ltr">${f.file}:${f.line}</bdi></td>
                        <td dir="auto">${f.text}</td>
                        <td>${cat(f.expected.category, f.expected.urgent)}</td>
                        <td>
                          ${cat(f.got.category, f.got.urgent)}
                          <span class="muted"
                            >(${f.got.source}${f.got.rule ? ` ${f.got.rule}` : ''},
                            ${formatPercent(lang, f.got.confidence)})</span
                          >
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : markup`<p class="flash ok">
            ${t('testsPassed', { passed: formatNumber(lang, rep.passed), total: formatNumber(lang, rep.total) })}
          </p>`
    }
  </section>`;
}

export function playgroundPage(
  ctx: Ctx,
  o: { text?: string; result?: PlaygroundResult; tests?: RuleTestReport; rulesLoaded: boolean },
): Html {
  const { t } = ctx;
  const body = markup`<h1>${t('playgroundTitle')}</h1>
    <p class="muted">${t('playgroundIntro')}</p>
    ${
      o.rulesLoaded
        ? markup`<form method="post" action="/playground" class="stack card">
              ${csrfField(ctx)}
              <label
                >${t('tweetText')}<textarea
                  name="text"
                  rows="4"
                  required
                  maxlength="${MAX_PLAYGROUND_CHARS}"
                  dir="auto"
                >${o.text ?? ''}</textarea>
              </label>
              <div class="row"><button type="submit" class="primary">${t('explain')}</button></div>
            </form>
            <form method="post" action="/playground/tests" class="inline">
              ${csrfField(ctx)}<button type="submit">${t('runTests')}</button>
            </form>`
        : markup`<p class="flash error">${t('rulesNotLoaded')}</p>`
    }
    ${o.result ? result(ctx, o.result) : ''} ${o.tests ? testsReport(ctx, o.tests) : ''}`;
  return document(ctx, { title: t('playgroundTitle'), page: 'playground', body });
}
