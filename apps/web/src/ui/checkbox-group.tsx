import './checkbox-group.css';

interface CheckboxGroupProps<T extends string> {
  /** The group's name, e.g. "Status". */
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
}

/** A fieldset of checkboxes drawn as toggle chips; several may be on at once. */
export function CheckboxGroup<T extends string>({ legend, options, value, onChange }: CheckboxGroupProps<T>) {
  return (
    <fieldset className="chip-group">
      <legend className="chip-group-legend">{legend}</legend>
      <div className="chip-group-options">
        {options.map((option) => {
          const checked = value.includes(option.value);
          return (
            <label key={option.value} className={`chip${checked ? ' is-checked' : ''}`}>
              <input
                type="checkbox"
                checked={checked}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? options.map((o) => o.value).filter((v) => v === option.value || value.includes(v))
                      : value.filter((v) => v !== option.value),
                  )
                }
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
