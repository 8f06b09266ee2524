import { zodResolver } from '@hookform/resolvers/zod';
import type { OrganizationInvitation } from '@invites/clerk-schema';
import { useEffect, useRef, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { ApiError } from '../../../lib/api-client.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateInvitation } from '../api/create-invitation.ts';
import { useOrganizationRoles } from '../api/get-organization-roles.ts';
import { clearDraft, isBlank, loadDraft, saveDraft } from '../utils/draft.ts';
import {
  BLANK_INVITE,
  type InviteField,
  type InviteFormOutput,
  InviteFormSchema,
  type InviteFormValues,
  inviteErrorMessage,
  toCreateBody,
} from '../utils/invite-form-schema.ts';
import { mapServerError } from '../utils/server-errors.ts';
import { InviteFormFields } from './invite-form-fields.tsx';
import { InviteSuccess } from './invite-success.tsx';
import './invite-dialog.css';

interface InviteDialogProps {
  orgId: string;
  orgName: string;
  isStaff: boolean;
  onClose: () => void;
  /** Starts the form with these instead of the saved draft. */
  initialValues?: Partial<InviteFormValues>;
}

// The schema's input types are `unknown` where it preprocesses; the inputs hold InviteFormValues.
const resolver = zodResolver(InviteFormSchema, {
  error: (issue) => inviteErrorMessage(issue),
}) as unknown as Resolver<InviteFormValues, unknown, InviteFormOutput>;

/** "Invite member": the form, validated with the shared schema, that never loses what was typed. */
export function InviteDialog({ orgId, orgName, isStaff, onClose, initialValues }: InviteDialogProps) {
  const [restored] = useState(() => (initialValues ? null : loadDraft(orgId)));
  const form = useForm<InviteFormValues, unknown, InviteFormOutput>({
    resolver,
    defaultValues: restored ?? { ...BLANK_INVITE, ...initialValues },
    mode: 'onTouched',
  });
  const roles = useOrganizationRoles();
  const create = useCreateInvitation();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<OrganizationInvitation | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  // Pick the default role once the roles arrive (members by default, like Clerk's dashboard).
  useEffect(() => {
    const list = roles.data?.data;
    if (!list || form.getValues('role')) return;
    const fallback = list.find((r) => r.key === 'org:member') ?? list[0];
    if (fallback) form.setValue('role', fallback.key);
  }, [roles.data, form]);

  // Every keystroke is kept for this tab: a closed dialog or a reload restores it.
  useEffect(() => {
    const subscription = form.watch((values) =>
      saveDraft(orgId, { ...BLANK_INVITE, ...values } as InviteFormValues),
    );
    return () => subscription.unsubscribe();
  }, [form, orgId]);

  useEffect(() => {
    if (confirmDiscard) keepEditingRef.current?.focus();
  }, [confirmDiscard]);

  // Read while rendering, so react-hook-form keeps it up to date.
  const { isDirty } = form.formState;

  // Sent: focus goes to the success view's first action (copy the link, else "Invite another"), not
  // back to the page (the "Send invitation" button it was on is disabled while sending, then gone).
  useEffect(() => {
    const view = successRef.current;
    if (!created || !view) return;
    const footer = view.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer button');
    (view.querySelector<HTMLElement>('button, a[href]') ?? footer)?.focus();
  }, [created]);

  const requestClose = () => {
    // Values it was opened with (invite an address again) are nobody's typing: nothing to discard.
    const untouched = initialValues !== undefined && !isDirty;
    if (created || untouched || isBlank(form.getValues())) {
      if (!created && !untouched) clearDraft(orgId);
      onClose();
    } else setConfirmDiscard((shown) => !shown);
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const invitation = await create.mutateAsync({ orgId, body: toCreateBody(values, isStaff) });
      clearDraft(orgId);
      setCreated(invitation);
      toast({ tone: 'success', title: 'Invitation sent', description: invitation.email_address });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError('Something unexpected went wrong. Your entries are kept; try again.');
        return;
      }
      const mapped = mapServerError(error, values.email_address);
      let focus = true;
      for (const [field, message] of Object.entries(mapped.fields)) {
        form.setError(field as InviteField, { type: 'server', message }, { shouldFocus: focus });
        focus = false;
      }
      setFormError(mapped.form);
    }
  });

  const anotherInvite = () => {
    const role = form.getValues('role');
    form.reset({ ...BLANK_INVITE, role });
    setCreated(null);
  };

  return (
    <Dialog
      open
      onRequestClose={requestClose}
      title="Invite member"
      description={`Invite someone to ${orgName} by email.`}
      footer={
        created ? (
          <>
            <Button onClick={anotherInvite}>Invite another</Button>
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </>
        ) : (
          <>
            <Button onClick={requestClose}>Cancel</Button>
            <Button type="submit" form="invite-form" variant="primary" loading={form.formState.isSubmitting}>
              Send invitation
            </Button>
          </>
        )
      }
    >
      {created ? (
        <div ref={successRef}>
          <InviteSuccess invitation={created} />
        </div>
      ) : (
        <form id="invite-form" noValidate onSubmit={submit} aria-label="Invite member">
          {confirmDiscard ? (
            <div className="discard-confirm">
              <p role="alert">Discard this invitation? What you typed will be lost.</p>
              <div className="discard-actions">
                <Button ref={keepEditingRef} size="sm" onClick={() => setConfirmDiscard(false)}>
                  Keep editing
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    clearDraft(orgId);
                    onClose();
                  }}
                >
                  Discard
                </Button>
              </div>
            </div>
          ) : null}
          {restored && !form.formState.isSubmitted ? (
            <p className="draft-note">Restored what you typed last time.</p>
          ) : null}
          {formError ? (
            <p className="form-error" role="alert">
              <AlertCircle size={16} />
              <span>{formError}</span>
            </p>
          ) : null}
          <InviteFormFields
            form={form}
            roles={roles.data?.data}
            rolesError={roles.isError ? roles.error.longMessage : null}
            showPrivate={isStaff}
          />
        </form>
      )}
    </Dialog>
  );
}
