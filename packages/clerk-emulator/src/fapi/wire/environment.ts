// The instance the emulator presents to clerk-js: a production instance (no dev-browser flow),
// sign-in by email address with a password or an email code (tickets too), single session,
// organizations on, sign-up restricted (members arrive by invitation), no captcha, no social or
// enterprise connections. clerk-js parses each settings object strictly, so each one is complete
// (Clerk's spec requires every field below); `commerce_settings` is left out on purpose, since a
// partial one leaves clerk-js degraded.

type Attribute = {
  enabled: boolean;
  required: boolean;
  used_for_first_factor: boolean;
  first_factors: string[];
  used_for_second_factor: boolean;
  second_factors: string[];
  verifications: string[];
  verify_at_sign_up: boolean;
  immutable: boolean;
};

const off: Attribute = {
  enabled: false,
  required: false,
  used_for_first_factor: false,
  first_factors: [],
  used_for_second_factor: false,
  second_factors: [],
  verifications: [],
  verify_at_sign_up: false,
  immutable: false,
};
const on = (patch: Partial<Attribute> = {}): Attribute => ({ ...off, enabled: true, ...patch });

function userSettings() {
  return {
    attributes: {
      email_address: on({
        required: true,
        used_for_first_factor: true,
        first_factors: ['email_code'],
        verifications: ['email_code'],
        verify_at_sign_up: true,
      }),
      phone_number: off,
      username: off,
      web3_wallet: off,
      first_name: on(),
      last_name: on(),
      password: on({ required: true }),
      authenticator_app: off,
      ticket: on({ used_for_first_factor: true, first_factors: ['ticket'] }),
      backup_code: off,
      passkey: off,
    },
    social: {},
    saml: { enabled: false },
    enterprise_sso: { enabled: false },
    sign_in: { second_factor: { required: false } },
    sign_up: {
      captcha_enabled: false,
      captcha_widget_type: 'smart',
      custom_action_required: false,
      progressive: true,
      mode: 'restricted',
      legal_consent_enabled: false,
    },
    restrictions: {
      allowlist: { enabled: false },
      blocklist: { enabled: false },
      allowlist_blocklist_disabled_on_sign_in: { enabled: false },
      block_email_subaddresses: { enabled: false },
      block_disposable_email_domains: { enabled: false },
    },
    password_settings: {
      disable_hibp: true,
      disable_password_reverification: true,
      min_length: 8,
      max_length: 72,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
      enforce_hibp_on_sign_in: false,
      allowed_special_characters: '',
    },
    username_settings: {
      min_length: 4,
      max_length: 64,
      allow_extended_special_characters: false,
      allow_numeric_usernames: false,
    },
    actions: { delete_self: false, create_organization: false, create_organizations_limit: null },
    attack_protection: {
      user_lockout: { enabled: false, max_attempts: 100, duration_in_minutes: 60 },
      pii: { enabled: false },
      email_link: { require_same_client: false },
      enumeration_protection: { enabled: false },
    },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false, satisfies_second_factor: false },
  };
}

function displayConfig(origin: string) {
  const home = `${origin}/`;
  return {
    object: 'display_config',
    id: 'display_config_emulator',
    instance_environment_type: 'production',
    application_name: 'Invitations Console',
    theme: {},
    preferred_sign_in_strategy: 'password',
    logo_image_url: null,
    favicon_image_url: null,
    // The console shows the sign-in form wherever a signed-out visitor lands.
    home_url: home,
    sign_in_url: home,
    sign_up_url: home,
    user_profile_url: home,
    waitlist_url: home,
    oauth_consent_url: home,
    after_sign_in_url: home,
    after_sign_up_url: home,
    after_sign_out_one_url: home,
    after_sign_out_all_url: home,
    after_switch_session_url: home,
    after_join_waitlist_url: home,
    organization_profile_url: home,
    create_organization_url: home,
    after_leave_organization_url: home,
    after_create_organization_url: home,
    logo_link_url: home,
    support_email: null,
    branded: false,
    experimental_force_oauth_first: false,
    clerk_js_version: null,
    show_devmode_warning: false,
    google_one_tap_client_id: null,
    help_url: null,
    privacy_policy_url: null,
    terms_url: null,
    logo_url: null,
    favicon_url: null,
    logo_image: null,
    favicon_image: null,
    captcha_public_key: null,
    captcha_widget_type: null,
    captcha_public_key_invisible: null,
    captcha_provider: null,
    captcha_oauth_bypass: [],
  };
}

const AUTH_CONFIG = {
  object: 'auth_config',
  id: 'auth_config_emulator',
  first_name: 'on',
  last_name: 'on',
  email_address: 'required',
  phone_number: 'off',
  username: 'off',
  password: 'required',
  identification_requirements: [['email_address']],
  identification_strategies: ['email_address'],
  first_factors: ['email_code', 'password', 'ticket'],
  second_factors: [],
  email_address_verification_strategies: ['email_code'],
  single_session_mode: true,
  enhanced_email_deliverability: false,
  test_mode: false,
  url_based_session_syncing: false,
  claimed_at: null,
  reverification: false,
  native_settings: {
    object: 'native_settings',
    api_enabled: false,
    trusted_device_sign_in_enabled: false,
    trusted_device_enrollment_prompt_after_sign_in_enabled: false,
    trusted_device_enrollment_prompt_after_sign_up_enabled: false,
  },
};

/** `GET /v1/environment`; `origin` is the application's origin (for the display URLs). */
export function buildEnvironment(origin: string) {
  return {
    auth_config: AUTH_CONFIG,
    display_config: displayConfig(origin),
    user_settings: userSettings(),
    organization_settings: {
      enabled: true,
      max_allowed_memberships: 0,
      actions: { admin_delete: true },
      domains: { enabled: false, enrollment_modes: [], default_role: 'org:member' },
      slug: { disabled: false },
      creator_role: 'org:admin',
    },
    api_keys_settings: { enabled: false, user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    partitioned_cookies: false,
    maintenance_mode: false,
  };
}
