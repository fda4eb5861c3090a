--liquibase formatted sql

--changeset lantern:202611250400-indicator-feedback-due
--comment: Feedback not yet answered and not yet past its deadline is neither on time nor late; indexes for the scorecard's date ranges
create or replace view indicator_feedback_source as
select f.unit_id,
       (f.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as received_on,
       (f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date as answered_on,
       case when f.answered_at is not null then (f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= f.answer_due_date
            when (now() at time zone 'Asia/Ho_Chi_Minh')::date > f.answer_due_date then false
       end as answered_on_time,
       f.rating >= 4 as satisfied
from feedback f;
comment on view indicator_feedback_source is
    'One row per feedback item for the Decision 766 satisfaction group, dates in Vietnam time (Asia/Ho_Chi_Minh). '
    'unit_id: the responsible unit. received_on: day of submission. answered_on: day of the answer, null while '
    'unanswered. answered_on_time: true when answered on or before answer_due_date, false when answered after it or '
    'still unanswered once it has passed, null while unanswered and not yet due (neither on time nor late). '
    'FEEDBACK_ANSWERED_ON_TIME counts the items received in the period whose answered_on_time is not null '
    '(denominator) and those of them answered on time (numerator). FEEDBACK_SATISFACTION counts the items answered in '
    'the period whose answer the sender rated (denominator) and those rated satisfied (numerator). satisfied: the '
    'sender rated the answer 4 or 5 of 5, the same threshold as dossier satisfaction, null when not rated. The '
    'scorecard reads received_on and answered_on as ranges: feedback_received_on_idx and feedback_answered_on_idx '
    'index exactly these expressions.';
-- the scorecard always asks for a list of units and a range of days
create index feedback_received_on_idx on feedback (unit_id, ((submitted_at at time zone 'Asia/Ho_Chi_Minh')::date));
create index feedback_answered_on_idx on feedback (unit_id, ((answered_at at time zone 'Asia/Ho_Chi_Minh')::date));
--rollback drop index feedback_answered_on_idx; drop index feedback_received_on_idx;
--rollback create or replace view indicator_feedback_source as select f.unit_id, (f.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as received_on, (f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date as answered_on, coalesce((f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= f.answer_due_date, false) as answered_on_time, f.rating >= 4 as satisfied from feedback f;
