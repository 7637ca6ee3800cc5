-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('POLICE', 'COUNCIL_ASB', 'HOUSING_PROVIDER', 'ADULT_SOCIAL_CARE', 'CHILDRENS_SOCIAL_CARE', 'MENTAL_HEALTH', 'HEALTH', 'FIRE', 'VICTIM_SUPPORT', 'YOUTH_JUSTICE', 'PROBATION', 'DRUG_ALCOHOL', 'EDUCATION', 'OTHER');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('PARTNERSHIP_ADMIN', 'PANEL_CHAIR', 'PANEL_MEMBER', 'REFERRER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "PanelType" AS ENUM ('CMARAC', 'OFFENDER_PANEL', 'PROBLEM_SOLVING_FORUM');

-- CreateEnum
CREATE TYPE "PanelMembership" AS ENUM ('CORE', 'FLEXIBLE');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('VICTIM', 'PERPETRATOR', 'LOCATION');

-- CreateEnum
CREATE TYPE "CaseRole" AS ENUM ('VICTIM', 'PERPETRATOR', 'WITNESS');

-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('DWELLING', 'PUBLIC_SPACE', 'BUSINESS', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'LEAD_AGENCY_CASEWORK', 'CLOSED');

-- CreateEnum
CREATE TYPE "RiskBand" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "AsbCategory" AS ENUM ('PERSONAL', 'NUISANCE', 'ENVIRONMENTAL');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReferralCriterion" AS ENUM ('VISIBLE_HIGH_RISK', 'POTENTIAL_ESCALATION', 'PROFESSIONAL_JUDGEMENT', 'REPEAT_REFERRAL', 'REPEAT_VICTIMISATION');

-- CreateEnum
CREATE TYPE "ReferralRoute" AS ENUM ('PANEL', 'LEAD_AGENCY_CASEWORK', 'ADVICE_AND_CLOSURE');

-- CreateEnum
CREATE TYPE "CaseReviewStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'REVIEW_HELD', 'CLOSED');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TeamsSyncStatus" AS ENUM ('NOT_REQUESTED', 'PENDING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "AgendaItemReason" AS ENUM ('NEW_REFERRAL', 'REPEAT_REFERRAL', 'REVIEW_DUE', 'OVERDUE_ACTIONS', 'DEFERRED', 'ADDED_BY_CHAIR');

-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('PLANNED', 'CURRENT', 'DISCUSSED', 'DEFERRED', 'SPILLED_OVER');

-- CreateEnum
CREATE TYPE "CaseDecision" AS ENUM ('KEEP_ON', 'CLOSE', 'LEAD_AGENCY_CASEWORK');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'APOLOGIES', 'ABSENT');

-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'APPROVED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'BLOCKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ActionPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "ActionNotDoneReason" AS ENUM ('CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT');

-- CreateEnum
CREATE TYPE "ActionEventKind" AS ENUM ('CREATED', 'ACCEPTED', 'PROGRESS_UPDATED', 'COMPLETED', 'BLOCKED', 'CANCELLED', 'REASSIGNED', 'DUE_DATE_CHANGED');

-- CreateEnum
CREATE TYPE "ActionReviewOutcome" AS ENUM ('DONE', 'IN_PROGRESS', 'NOT_DONE');

-- CreateEnum
CREATE TYPE "InterventionType" AS ENUM ('WARNING_LETTER', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'MEDIATION', 'COMMUNITY_REMEDY', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'CIVIL_INJUNCTION', 'CRIMINAL_BEHAVIOUR_ORDER', 'DISPERSAL_DIRECTION', 'PUBLIC_SPACES_PROTECTION_ORDER', 'CLOSURE_NOTICE', 'CLOSURE_ORDER', 'ABSOLUTE_POSSESSION', 'SUPPORT_REFERRAL');

-- CreateEnum
CREATE TYPE "InterventionStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'BREACHED', 'EXPIRED', 'DISCHARGED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ConversationKind" AS ENUM ('PERSONAL', 'GROUP_CHAT', 'CHANNEL', 'MEETING');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ACTION_ASSIGNED', 'REMINDER_BEFORE_DUE', 'REMINDER_DUE_TODAY', 'REMINDER_OVERDUE', 'ESCALATION_TO_CHAIR', 'WEEKLY_DIGEST', 'MINUTES_DUE');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('MEMBER', 'SYSTEM');

-- CreateEnum
CREATE TYPE "SharingRegime" AS ENUM ('UK_GDPR_DPA_PART_2', 'DPA_PART_3_LAW_ENFORCEMENT');

-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('PUBLIC_TASK', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'CONSENT', 'LAW_ENFORCEMENT');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('GIVEN', 'REFUSED', 'NOT_SOUGHT', 'NOT_REQUIRED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Partnership" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "retentionReviewMonths" INTEGER NOT NULL DEFAULT 24,
    "communityTriggerThreshold" INTEGER NOT NULL DEFAULT 3,
    "repeatVictimisationRules" JSONB NOT NULL DEFAULT '[{"incidents": 3, "withinDays": 90}]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AgencyType" NOT NULL,
    "guestTenantId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "entraObjectId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "jobTitle" TEXT,
    "roles" "MemberRole"[],
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Panel" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "type" "PanelType" NOT NULL,
    "name" TEXT NOT NULL,
    "cadence" JSONB NOT NULL,
    "referralCutoffDays" INTEGER NOT NULL DEFAULT 10,
    "meetingMinutes" INTEGER NOT NULL DEFAULT 120,
    "defaultItemMinutes" INTEGER NOT NULL DEFAULT 15,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelAgency" (
    "panelId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "membership" "PanelMembership" NOT NULL,

    CONSTRAINT "PanelAgency_pkey" PRIMARY KEY ("panelId","agencyId")
);

-- CreateTable
CREATE TABLE "PanelChair" (
    "panelId" UUID NOT NULL,
    "memberId" UUID NOT NULL,

    CONSTRAINT "PanelChair_pkey" PRIMARY KEY ("panelId","memberId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "dateOfBirth" DATE,
    "nameKey" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "vulnerabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "healthNotes" TEXT,
    "safeguardingNotes" TEXT,
    "intelligenceNotes" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" "LocationKind" NOT NULL DEFAULT 'DWELLING',
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "town" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "postcodeKey" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    "ward" TEXT NOT NULL,
    "area" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "uprn" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "SubjectType" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "leadAgencyId" UUID NOT NULL,
    "currentRiskBand" "RiskBand",
    "summary" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastHeardAt" TIMESTAMP(3),
    "nextReviewDue" DATE,
    "closedAt" TIMESTAMP(3),
    "closureReason" TEXT,
    "retentionReviewDue" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSubject" (
    "caseId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "CaseRole" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseSubject_pkey" PRIMARY KEY ("caseId","personId","role")
);

-- CreateTable
CREATE TABLE "CaseLocation" (
    "caseId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseLocation_pkey" PRIMARY KEY ("caseId","locationId")
);

-- CreateTable
CREATE TABLE "CaseAgency" (
    "caseId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAgency_pkey" PRIMARY KEY ("caseId","agencyId")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "caseId" UUID,
    "locationId" UUID,
    "reportedToAgencyId" UUID,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "category" "AsbCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "sourceReference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentPerson" (
    "incidentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "CaseRole" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentPerson_pkey" PRIMARY KEY ("incidentId","personId","role")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'DRAFT',
    "referrerId" UUID NOT NULL,
    "referrerAgencyId" UUID NOT NULL,
    "panelId" UUID,
    "caseId" UUID,
    "personId" UUID,
    "locationId" UUID,
    "draft" JSONB,
    "reason" TEXT,
    "criteriaMet" "ReferralCriterion"[],
    "route" "ReferralRoute",
    "routingExplanation" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "declineReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskTemplate" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "caseId" UUID,
    "referralId" UUID,
    "personId" UUID,
    "locationId" UUID,
    "assessedById" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "calculatedBand" "RiskBand" NOT NULL,
    "overrideBand" "RiskBand",
    "overrideReason" TEXT,
    "finalBand" "RiskBand" NOT NULL,
    "reasons" TEXT[],
    "supersedesId" UUID,
    "assessedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityTriggerReview" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "applicantPersonId" UUID,
    "locationId" UUID,
    "caseId" UUID,
    "status" "CaseReviewStatus" NOT NULL DEFAULT 'RECEIVED',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "qualifyingComplaints" INTEGER NOT NULL,
    "acknowledgeBy" DATE NOT NULL,
    "decisionDueBy" DATE NOT NULL,
    "reviewDueBy" DATE,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunityTriggerReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "panelId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "referralCutoff" TIMESTAMP(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "currentAgendaItemId" UUID,
    "teamsSyncStatus" "TeamsSyncStatus" NOT NULL DEFAULT 'NOT_REQUESTED',
    "teamsSyncError" TEXT,
    "teamsSyncAttempts" INTEGER NOT NULL DEFAULT 0,
    "graphEventId" TEXT,
    "onlineMeetingId" TEXT,
    "joinUrl" TEXT,
    "chatThreadId" TEXT,
    "graphTransactionId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "referralId" UUID,
    "position" INTEGER NOT NULL,
    "reasons" "AgendaItemReason"[],
    "reasonText" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "requiredAgencyIds" UUID[],
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'PLANNED',
    "deferredToMeetingId" UUID,
    "deferralReason" TEXT,
    "decisions" TEXT,
    "riskBandAfter" "RiskBand",
    "caseDecision" "CaseDecision",
    "closureReason" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "confidentialityAcceptedAt" TIMESTAMP(3),
    "informationSentInAdvance" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "dueBy" DATE NOT NULL,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingMinutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "meetingId" UUID,
    "agendaItemId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerAgencyId" UUID NOT NULL,
    "ownerMemberId" UUID,
    "createdById" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "priority" "ActionPriority" NOT NULL DEFAULT 'NORMAL',
    "status" "ActionStatus" NOT NULL DEFAULT 'PROPOSED',
    "progressNote" TEXT,
    "notDoneReason" "ActionNotDoneReason",
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionEvent" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "kind" "ActionEventKind" NOT NULL,
    "fromStatus" "ActionStatus",
    "toStatus" "ActionStatus" NOT NULL,
    "actorId" UUID NOT NULL,
    "note" TEXT,
    "changes" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionReview" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "outcome" "ActionReviewOutcome" NOT NULL,
    "notDoneReason" "ActionNotDoneReason",
    "note" TEXT,
    "reviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionCard" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "conversationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Intervention" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "personId" UUID,
    "locationId" UUID,
    "type" "InterventionType" NOT NULL,
    "status" "InterventionStatus" NOT NULL DEFAULT 'PROPOSED',
    "issuedByAgencyId" UUID NOT NULL,
    "issuedById" UUID,
    "issuedOn" DATE,
    "expiresOn" DATE,
    "conditions" TEXT,
    "proportionalityNote" TEXT,
    "supportOffered" TEXT,
    "breachNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationReference" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "kind" "ConversationKind" NOT NULL,
    "conversationId" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "userId" TEXT,
    "userAadObjectId" TEXT,
    "reference" JSONB NOT NULL,
    "reachable" BOOLEAN NOT NULL DEFAULT true,
    "unreachableSince" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "actionId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" UUID,
    "partnershipId" UUID,
    "event" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "caseId" UUID,
    "regime" "SharingRegime" NOT NULL,
    "lawfulBasis" "LawfulBasis" NOT NULL,
    "consent" "ConsentStatus" NOT NULL,
    "justification" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_partnershipId_name_key" ON "Agency"("partnershipId", "name");

-- CreateIndex
CREATE INDEX "Member_agencyId_idx" ON "Member"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_entraObjectId_key" ON "Member"("tenantId", "entraObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Panel_partnershipId_name_key" ON "Panel"("partnershipId", "name");

-- CreateIndex
CREATE INDEX "PanelAgency_agencyId_idx" ON "PanelAgency"("agencyId");

-- CreateIndex
CREATE INDEX "PanelChair_memberId_idx" ON "PanelChair"("memberId");

-- CreateIndex
CREATE INDEX "Person_partnershipId_nameKey_idx" ON "Person"("partnershipId", "nameKey");

-- CreateIndex
CREATE INDEX "Person_partnershipId_dateOfBirth_idx" ON "Person"("partnershipId", "dateOfBirth");

-- CreateIndex
CREATE INDEX "Location_partnershipId_postcodeKey_idx" ON "Location"("partnershipId", "postcodeKey");

-- CreateIndex
CREATE INDEX "Location_partnershipId_ward_idx" ON "Location"("partnershipId", "ward");

-- CreateIndex
CREATE INDEX "Case_partnershipId_status_idx" ON "Case"("partnershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Case_partnershipId_reference_key" ON "Case"("partnershipId", "reference");

-- CreateIndex
CREATE INDEX "CaseSubject_personId_idx" ON "CaseSubject"("personId");

-- CreateIndex
CREATE INDEX "CaseLocation_locationId_idx" ON "CaseLocation"("locationId");

-- CreateIndex
CREATE INDEX "CaseAgency_agencyId_idx" ON "CaseAgency"("agencyId");

-- CreateIndex
CREATE INDEX "Incident_locationId_occurredAt_idx" ON "Incident"("locationId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_caseId_occurredAt_idx" ON "Incident"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_partnershipId_occurredAt_idx" ON "Incident"("partnershipId", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentPerson_personId_occurredAt_idx" ON "IncidentPerson"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "Referral_panelId_status_idx" ON "Referral"("panelId", "status");

-- CreateIndex
CREATE INDEX "Referral_partnershipId_status_submittedAt_idx" ON "Referral"("partnershipId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskTemplate_partnershipId_name_version_key" ON "RiskTemplate"("partnershipId", "name", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RiskAssessment_supersedesId_key" ON "RiskAssessment"("supersedesId");

-- CreateIndex
CREATE INDEX "RiskAssessment_caseId_assessedAt_idx" ON "RiskAssessment"("caseId", "assessedAt");

-- CreateIndex
CREATE INDEX "RiskAssessment_referralId_idx" ON "RiskAssessment"("referralId");

-- CreateIndex
CREATE INDEX "CommunityTriggerReview_partnershipId_status_idx" ON "CommunityTriggerReview"("partnershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_currentAgendaItemId_key" ON "Meeting"("currentAgendaItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_graphTransactionId_key" ON "Meeting"("graphTransactionId");

-- CreateIndex
CREATE INDEX "Meeting_panelId_startsAt_idx" ON "Meeting"("panelId", "startsAt");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_caseId_idx" ON "AgendaItem"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_caseId_key" ON "AgendaItem"("meetingId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_memberId_key" ON "Attendance"("meetingId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingMinutes_meetingId_key" ON "MeetingMinutes"("meetingId");

-- CreateIndex
CREATE INDEX "Action_ownerAgencyId_status_dueDate_idx" ON "Action"("ownerAgencyId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Action_ownerMemberId_status_dueDate_idx" ON "Action"("ownerMemberId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Action_caseId_idx" ON "Action"("caseId");

-- CreateIndex
CREATE INDEX "Action_meetingId_idx" ON "Action"("meetingId");

-- CreateIndex
CREATE INDEX "ActionEvent_actionId_at_idx" ON "ActionEvent"("actionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ActionReview_meetingId_actionId_key" ON "ActionReview"("meetingId", "actionId");

-- CreateIndex
CREATE INDEX "ActionCard_actionId_idx" ON "ActionCard"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionCard_conversationId_activityId_key" ON "ActionCard"("conversationId", "activityId");

-- CreateIndex
CREATE INDEX "Intervention_personId_issuedOn_idx" ON "Intervention"("personId", "issuedOn");

-- CreateIndex
CREATE INDEX "Intervention_caseId_idx" ON "Intervention"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationReference_conversationId_key" ON "ConversationReference"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationReference_memberId_kind_idx" ON "ConversationReference"("memberId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_scheduledFor_idx" ON "Notification"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "ConsentRecord_personId_recordedAt_idx" ON "ConsentRecord"("personId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Panel" ADD CONSTRAINT "Panel_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgency" ADD CONSTRAINT "PanelAgency_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgency" ADD CONSTRAINT "PanelAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelChair" ADD CONSTRAINT "PanelChair_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelChair" ADD CONSTRAINT "PanelChair_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_leadAgencyId_fkey" FOREIGN KEY ("leadAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseSubject" ADD CONSTRAINT "CaseSubject_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseSubject" ADD CONSTRAINT "CaseSubject_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLocation" ADD CONSTRAINT "CaseLocation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLocation" ADD CONSTRAINT "CaseLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAgency" ADD CONSTRAINT "CaseAgency_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAgency" ADD CONSTRAINT "CaseAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reportedToAgencyId_fkey" FOREIGN KEY ("reportedToAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPerson" ADD CONSTRAINT "IncidentPerson_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPerson" ADD CONSTRAINT "IncidentPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerAgencyId_fkey" FOREIGN KEY ("referrerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskTemplate" ADD CONSTRAINT "RiskTemplate_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RiskTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "RiskAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTriggerReview" ADD CONSTRAINT "CommunityTriggerReview_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTriggerReview" ADD CONSTRAINT "CommunityTriggerReview_applicantPersonId_fkey" FOREIGN KEY ("applicantPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTriggerReview" ADD CONSTRAINT "CommunityTriggerReview_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityTriggerReview" ADD CONSTRAINT "CommunityTriggerReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_currentAgendaItemId_fkey" FOREIGN KEY ("currentAgendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_deferredToMeetingId_fkey" FOREIGN KEY ("deferredToMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerAgencyId_fkey" FOREIGN KEY ("ownerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReview" ADD CONSTRAINT "ActionReview_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReview" ADD CONSTRAINT "ActionReview_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCard" ADD CONSTRAINT "ActionCard_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_issuedByAgencyId_fkey" FOREIGN KEY ("issuedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationReference" ADD CONSTRAINT "ConversationReference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit events are append-only: no role used by the application may change or remove a written row.
CREATE FUNCTION "refuse_audit_event_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent rows are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "refuse_audit_event_change"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_event_change"();
