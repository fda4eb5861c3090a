--liquibase formatted sql

--changeset lantern:202611241700-indicator-feedback-source
--comment: The citizens' feedback as the Decision 766 scorecard reads it (feedback answered on time, feedback satisfaction)
create view indicator_feedback_source as
select f.unit_id,
       (f.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as received_on,
       (f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date as answered_on,
       coalesce((f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= f.answer_due_date, false) as answered_on_time,
       f.rating >= 4 as satisfied
from feedback f;
comment on view indicator_feedback_source is
    'One row per feedback item for the Decision 766 satisfaction group, dates in Vietnam time (Asia/Ho_Chi_Minh). '
    'unit_id: the responsible unit. received_on: day of submission. FEEDBACK_ANSWERED_ON_TIME counts the items received '
    'in the period (denominator) and those of them with answered_on_time (numerator). answered_on_time: answered on or '
    'before answer_due_date (false while unanswered, even before the deadline). answered_on: day of the answer, null '
    'while unanswered. FEEDBACK_SATISFACTION counts the items answered in the period whose answer the sender rated '
    '(denominator) and those rated satisfied (numerator). satisfied: the sender rated the answer 4 or 5 of 5, the same '
    'threshold as dossier satisfaction, null when not rated. Same figures as feedbackStatistics (answeredOnTime, rated, '
    'satisfied) when the feedback of a period is also answered in it.';
--rollback drop view indicator_feedback_source;
