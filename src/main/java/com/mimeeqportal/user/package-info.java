/**
 * People who sign in: users with roles, PBKDF2 password hashing, generated passwords, the users that
 * exist from the first start, the lockout schedule after failed sign-ins and the policy for chosen passwords.
 */
package com.mimeeqportal.user;
