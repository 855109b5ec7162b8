package com.mimeeqportal.audit;

public enum AuditOutcome { SUCCESS, FAILURE }
