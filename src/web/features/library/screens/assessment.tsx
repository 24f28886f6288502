import { useId, useState } from 'preact/hooks';
import { SELF_ASSESSMENT_ID } from '../../../../../content/catalog.ts';
import { LIBRARY, getDimension } from '../../../../../content/library.ts';
import type { Dimension } from '../../../../shared/library.ts';
import { announce } from '../../../ui/live-region.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { ScaleRadios } from '../../../ui/scale-radios.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFocusIfLost } from '../../../ui/use-focus-if-lost.ts';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { AnswerOptions } from '../answer-options.tsx';
import {
  answeredOnly,
  dimensionGaps,
  hasAnyAnswer,
  ideasOrder,
  summarize,
  type Answers,
  type DimensionAnswers,
} from '../assessment.ts';
import { libraryActions } from '../actions.ts';
import { assessments, libraryReady, type AssessmentView } from '../store.ts';
import { t } from '../messages.ts';
import { formatDate, formatDateTime, listNames } from '../../../platform/i18n/format.ts';
import { LinkList, recommendedFor } from '../recommended.tsx';
import '../library.css';

const DIMENSION_IDS = LIBRARY.dimensions.map((d) => d.id);
const titleOf = (id: string): string => getDimension(id)?.title ?? id;

type Question = 'now' | 'matters';

interface ScaleFieldProps {
  question: Question;
  prompt: string;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
}

/** One question of a dimension: its prompt as the group's name, 0 to 10, and a way to pass it again. */
function ScaleField({ question, prompt, value, onValue }: ScaleFieldProps) {
  const id = useId();
  const words = {
    min: t(`assessment.${question}.low`),
    mid: t(`assessment.${question}.mid`),
    max: t(`assessment.${question}.high`),
  };
  return (
    <fieldset class="assessment-scale" id={id}>
      <legend>{prompt}</legend>
      <ScaleRadios name={`${id}-${question}`} min={0} max={10} value={value} onValue={onValue} words={words} />
      {value !== undefined && (
        <button
          type="button"
          class="button quiet small"
          // The visible words first, then which question (WCAG 2.5.3, label in name).
          aria-label={t('assessment.passNamed', { question: prompt })}
          onClick={() => {
            onValue(undefined);
            // The button goes away: keep focus in the question that was just passed.
            document.getElementById(id)?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
          }}
        >
          {t('assessment.pass')}
        </button>
      )}
    </fieldset>
  );
}

function DimensionFieldset({ dimension, value, onValue }: { dimension: Dimension; value: DimensionAnswers; onValue: (next: DimensionAnswers) => void }) {
  return (
    <fieldset class="card dimension-fieldset">
      <legend>
        <h2>{dimension.title}</h2>
      </legend>
      <p class="muted">{dimension.description}</p>
      <ScaleField question="now" prompt={dimension.closenessPrompt} value={value.now} onValue={(now) => onValue({ ...value, now })} />
      <ScaleField question="matters" prompt={dimension.importancePrompt} value={value.matters} onValue={(matters) => onValue({ ...value, matters })} />
    </fieldset>
  );
}

/** The questions: one group per dimension, every question passable by leaving it. */
function AssessmentForm({ onSaved, onBack }: { onSaved: (id: string) => void; onBack?: (() => void) | undefined }) {
  const [answers, setAnswers] = useState<Record<string, DimensionAnswers>>({});
  const [nothing, setNothing] = useState(false);
  const leadRef = useFocusIfLost<HTMLParagraphElement>();

  const form = useFormSubmit({
    check: () => {
      const any = hasAnyAnswer(answers);
      setNothing(!any);
      return any;
    },
    action: async () => {
      const { id } = await libraryActions.saveAssessment(answeredOnly(answers));
      announce(t('assessment.saved'));
      onSaved(id);
    },
  });

  return (
    <>
      <p class="lead" ref={leadRef} tabIndex={-1}>
        {t('assessment.lead')}
      </p>
      <p class="muted">
        {t('assessment.private')} {t('assessment.passHint')}
      </p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        {LIBRARY.dimensions.map((d) => (
          <DimensionFieldset
            key={d.id}
            dimension={d}
            value={answers[d.id] ?? {}}
            onValue={(next) => {
              setAnswers((all) => ({ ...all, [d.id]: next }));
              setNothing(false);
            }}
          />
        ))}
        {nothing && (
          <p class="notice notice-info" role="alert">
            {t('assessment.nothingAnswered')}
          </p>
        )}
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          {onBack && (
            <button type="button" class="button secondary" onClick={onBack}>
              {t('assessment.backToResult')}
            </button>
          )}
          <SubmitButton busy={form.busy} busyLabel={t('assessment.saving')}>
            {t('assessment.submit')}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

/** A 0-10 number beside its decorative bar; a passed question says so in words. */
function BarLine({ kind, value }: { kind: Question; value: number | undefined }) {
  return (
    <div class={`gap-line gap-line-${kind}`}>
      <span class="gap-line-label">{t(kind === 'now' ? 'assessment.chart.now' : 'assessment.chart.matters')}</span>
      <span class="gap-bar" aria-hidden="true">
        {value !== undefined && <span class="gap-bar-fill" data-value={String(value)} />}
      </span>
      <span class="gap-line-value">
        {value === undefined ? (
          <span class="muted">{t('assessment.chart.passed')}</span>
        ) : (
          <>
            {value}
            <span class="visually-hidden"> {t('assessment.chart.outOf')}</span>
          </>
        )}
      </span>
    </div>
  );
}

/**
 * The chart in plain HTML: per dimension, "close now" and "matters to me" as two bars with their
 * numbers written beside them (the bars are hidden from screen readers; the numbers are the data).
 */
function GapChart({ answers, largest }: { answers: Answers; largest: ReadonlySet<string> }) {
  const gaps = new Map(dimensionGaps(answers, DIMENSION_IDS).map((g) => [g.dimensionId, g]));
  return (
    <section class="stack" aria-labelledby="gap-chart-title">
      <h3 id="gap-chart-title">{t('assessment.chartTitle')}</h3>
      <p class="muted small">{t('assessment.chartHint')}</p>
      <ul class="plain-list gap-chart" role="list">
        {LIBRARY.dimensions.map((d) => {
          const a = answers[d.id] ?? {};
          const g = gaps.get(d.id);
          const note = !g
            ? t('assessment.row.notCompared')
            : largest.has(d.id)
              ? t('assessment.row.largest', { gap: g.gap })
              : g.gap > 0
                ? t('assessment.row.gap', { gap: g.gap })
                : g.gap === 0
                  ? t('assessment.row.even')
                  : t('assessment.row.closer');
          return (
            <li key={d.id} class={`gap-row${largest.has(d.id) ? ' gap-row-largest' : ''}`}>
              <p class="gap-row-title">{d.title}</p>
              <BarLine kind="now" value={a.now} />
              <BarLine kind="matters" value={a.matters} />
              <p class="gap-row-note">{note}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Summary({ answers }: { answers: Answers }) {
  const summary = summarize(answers, DIMENSION_IDS);
  const notCompared = summary.notCompared.length > 0 && summary.kind !== 'nothing-to-compare' && (
    <p class="muted">{t('assessment.summary.notCompared', { dimensions: listNames(summary.notCompared.map(titleOf)) })}</p>
  );
  return (
    <section class="stack assessment-summary" aria-labelledby="assessment-summary-title">
      <h3 id="assessment-summary-title">{t('assessment.summaryTitle')}</h3>
      {summary.kind === 'gap' && (
        <>
          {summary.largest.length === 1 ? (
            <p>
              {t('assessment.summary.gap', {
                dimension: titleOf(summary.largest[0]!.dimensionId),
                matters: summary.largest[0]!.matters,
                now: summary.largest[0]!.now,
              })}
            </p>
          ) : (
            <p>{t('assessment.summary.gapTie', { gap: summary.gap, dimensions: listNames(summary.largest.map((g) => titleOf(g.dimensionId))) })}</p>
          )}
          <p>{t('assessment.summary.gapMeaning')}</p>
        </>
      )}
      {summary.kind === 'no-gap' && <p>{t('assessment.summary.noGap')}</p>}
      {summary.kind === 'nothing-to-compare' && <p>{t('assessment.summary.nothing')}</p>}
      {notCompared}
      <p class="muted">{t('assessment.summary.notScore')}</p>
    </section>
  );
}

/** Ideas for the dimension the result points to; another can be chosen. */
function Ideas({ answers }: { answers: Answers }) {
  const order = ideasOrder(answers, DIMENSION_IDS);
  const [chosen, setChosen] = useState(order[0]!);
  const dimension = getDimension(chosen) ?? LIBRARY.dimensions[0]!;
  const links = recommendedFor(dimension.recommends);
  const pickerId = useId();
  return (
    <section class="card stack ideas" aria-labelledby="ideas-title">
      <h2 id="ideas-title">{t('assessment.ideasTitle', { dimension: dimension.title })}</h2>
      <div class="stack recommend-group">
        <h3>{t('assessment.dailyPractice')}</h3>
        <p>{dimension.dailyPractice}</p>
      </div>
      <div class="stack recommend-group">
        <h3>{t('assessment.lowEnergy')}</h3>
        <p>{dimension.lowEnergy}</p>
      </div>
      <LinkList title={t('assessment.programs')} links={links.programs} />
      <LinkList title={t('assessment.decks')} links={links.decks} />
      <LinkList title={t('assessment.exercises')} links={links.exercises} />
      <div class="field ideas-picker">
        <label for={pickerId}>{t('assessment.ideasFor')}</label>
        <select
          id={pickerId}
          value={dimension.id}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setChosen(next);
            announce(t('assessment.ideasTitle', { dimension: titleOf(next) }));
          }}
        >
          {order.map((id) => (
            <option key={id} value={id}>
              {titleOf(id)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/** One saved result: the chart, what it shows, ideas for where the gap is largest. */
function AssessmentResult({ assessment, onAgain }: { assessment: AssessmentView; onAgain: () => void }) {
  const headingRef = useFocusIfLost<HTMLHeadingElement>();
  const answers: Answers = assessment.scores;
  const summary = summarize(answers, DIMENSION_IDS);
  const largest = new Set(summary.kind === 'gap' ? summary.largest.map((g) => g.dimensionId) : []);
  return (
    <>
      <section class="card stack assessment-result" aria-labelledby="assessment-result-title">
        <div>
          <h2 id="assessment-result-title" ref={headingRef} tabIndex={-1}>
            {t('assessment.resultTitle')}
          </h2>
          <p class="muted small">{t('assessment.resultDate', { date: formatDate(assessment.createdAt) })}</p>
        </div>
        <Summary answers={answers} />
        <GapChart answers={answers} largest={largest} />
      </section>
      <Ideas key={assessment.id} answers={answers} />
      <section class="stack" aria-labelledby="compare-title">
        <h2 id="compare-title">{t('assessment.compareTitle')}</h2>
        <p>{t('assessment.compareIntro')}</p>
        <AnswerOptions exerciseId={SELF_ASSESSMENT_ID} labelledBy="compare-title" />
      </section>
      <div class="actions">
        <button type="button" class="button primary" onClick={onAgain}>
          {t('assessment.again')}
        </button>
      </div>
    </>
  );
}

function History({ list, shownId, onShow }: { list: AssessmentView[]; shownId: string; onShow: (id: string) => void }) {
  const others = list.filter((a) => a.id !== shownId);
  if (others.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="assessment-history-title">
      <h2 id="assessment-history-title">{t('assessment.historyTitle')}</h2>
      <ul class="plain-list" role="list">
        {others.map((a) => (
          <li key={a.id} class="list-row">
            <button type="button" class="button quiet small" onClick={() => onShow(a.id)}>
              {t('assessment.historyItem', { date: formatDateTime(a.createdAt) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The self-assessment (issue 5): for each dimension of intimacy, how close it feels now and how
 * much it matters to me, then where the gap is largest, with ideas for it. Saved only in my
 * personal space; comparing with a partner goes through a round, where answers open together.
 */
export default function AssessmentScreen() {
  const list = assessments.value;
  const [taking, setTaking] = useState(false);
  const [shownId, setShownId] = useState<string | null>(null);

  if (!libraryReady.value) {
    return (
      <div class="screen assessment">
        <ScreenTitle>{t('assessment.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('assessment.loading')}
        </p>
      </div>
    );
  }

  const shown = list.find((a) => a.id === shownId) ?? list[0];
  const showForm = taking || !shown;

  return (
    <div class="screen assessment">
      <ScreenTitle>{t('assessment.title')}</ScreenTitle>
      {showForm ? (
        <AssessmentForm
          onSaved={(id) => {
            setShownId(id);
            setTaking(false);
          }}
          onBack={shown ? () => setTaking(false) : undefined}
        />
      ) : (
        <>
          {shown.id !== list[0]?.id && (
            <p class="notice notice-info">{t('assessment.showing', { date: formatDateTime(shown.createdAt) })}</p>
          )}
          <AssessmentResult key={shown.id} assessment={shown} onAgain={() => setTaking(true)} />
          <History list={list} shownId={shown.id} onShow={setShownId} />
        </>
      )}
      <p class="aside-link">
        <a href="/obstacles">{t('assessment.obstaclesLink')}</a>
      </p>
      <div class="actions">
        <a class="button secondary" href="/">
          {t('common.backHome')}
        </a>
      </div>
    </div>
  );
}
