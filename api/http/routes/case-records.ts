// What a case records beyond its overview: people and places (searched to avoid double keying),
// incidents, risk re-assessments and ASB case reviews (the Community Trigger).
import { defineRoute, type RouteSpec } from '../route-spec';
import { listCaseAssessments, reassessCase } from '../../services/referrals/assessments';
import { openCaseReview, progressCaseReview, readCaseCommunityTrigger, readCaseReview } from '../../services/referrals/case-reviews';
import { recordIncident, searchIncidents } from '../../services/referrals/incidents';
import { readLocation, readPerson } from '../../services/referrals/people-places';
import { searchLocations, searchPeople } from '../../services/referrals/subjects';
import {
  caseReviewBody,
  caseReviewStepBody,
  incidentBody,
  incidentSearchQuery,
  locationSearchQuery,
  personSearchQuery,
  reassessmentBody,
} from './referral-schemas';
import type { ApiDependencies } from './index';
import * as answers from '../responses/case-records';

export function caseRecordRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/people',
      summary: 'Find people already known by name and date of birth.',
      tag: 'People and places',
      capability: 'person.search',
      query: personSearchQuery,
      response: answers.searchPeopleAnswer,
      async handle({ query, ctx }) {
        return {
          json: await searchPeople(ctx, {
            givenName: query.givenName,
            familyName: query.familyName,
            dateOfBirth: query.dateOfBirth ?? null,
          }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/locations',
      summary: 'Find places already known by address and postcode.',
      tag: 'People and places',
      capability: 'person.search',
      query: locationSearchQuery,
      response: answers.searchLocationsAnswer,
      async handle({ query, ctx }) {
        return { json: await searchLocations(ctx, { address: query.address, postcode: query.postcode ?? null }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/people/:personId',
      summary: 'Read a person and the cases about them that you can see.',
      tag: 'People and places',
      capability: 'case.read',
      params: { personId: 'person' },
      response: answers.readPersonAnswer,
      async handle({ params, ctx }) {
        return { json: await readPerson(ctx, params.personId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/locations/:locationId',
      summary: 'Read a place and the cases about it that you can see.',
      tag: 'People and places',
      capability: 'case.read',
      params: { locationId: 'place' },
      response: answers.readLocationAnswer,
      async handle({ params, ctx }) {
        return { json: await readLocation(ctx, params.locationId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/incidents',
      summary: 'Search incidents on the cases you can see.',
      tag: 'Incidents',
      capability: 'case.read',
      query: incidentSearchQuery,
      response: answers.searchIncidentsAnswer,
      async handle({ query, ctx }) {
        return { json: await searchIncidents(ctx, query) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/:caseId/incidents',
      summary: 'Record an incident on a case.',
      tag: 'Incidents',
      capability: 'case.update',
      params: { caseId: 'case' },
      body: incidentBody,
      response: answers.recordIncidentAnswer,
      async handle({ params, body, ctx }) {
        return { status: 201, json: await recordIncident(ctx, params.caseId!, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/:caseId/assessments',
      summary: 'Read every risk assessment of a case with the wording it was answered to.',
      tag: 'Cases',
      capability: 'case.read',
      params: { caseId: 'case' },
      response: answers.listCaseAssessmentsAnswer,
      async handle({ params, ctx }) {
        return { json: await listCaseAssessments(ctx, params.caseId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/:caseId/assessments',
      summary: 'Re-assess a case: a new version, the earlier ones kept.',
      tag: 'Cases',
      capability: 'case.update',
      params: { caseId: 'case' },
      body: reassessmentBody,
      response: answers.reassessCaseAnswer,
      async handle({ params, body, ctx }) {
        return { status: 201, json: await reassessCase(ctx, params.caseId!, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/:caseId/community-trigger',
      summary: "Check whether the case's victims or places meet the ASB case review threshold.",
      tag: 'Case reviews',
      capability: 'case.read',
      params: { caseId: 'case' },
      response: answers.readCaseCommunityTriggerAnswer,
      async handle({ params, ctx }) {
        return { json: await readCaseCommunityTrigger(ctx, params.caseId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/case-reviews',
      summary: 'Open an ASB case review (Community Trigger) from an application.',
      tag: 'Case reviews',
      capability: 'case.update',
      body: caseReviewBody,
      response: answers.openCaseReviewAnswer,
      async handle({ body, ctx }) {
        return { status: 201, json: await openCaseReview(ctx, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/case-reviews/:reviewId',
      summary: 'Read an ASB case review and its next deadline.',
      tag: 'Case reviews',
      capability: 'case.read',
      params: { reviewId: 'case review' },
      response: answers.readCaseReviewAnswer,
      async handle({ params, ctx }) {
        return { json: await readCaseReview(ctx, params.reviewId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/case-reviews/:reviewId/progress',
      summary: 'Move an ASB case review on: acknowledge, decide the threshold, hold or close.',
      tag: 'Case reviews',
      capability: 'case.update',
      params: { reviewId: 'case review' },
      body: caseReviewStepBody,
      response: answers.readCaseReviewAnswer,
      async handle({ params, body, ctx }) {
        return { json: await progressCaseReview(ctx, params.reviewId!, body) };
      },
    }),
  ];
}
