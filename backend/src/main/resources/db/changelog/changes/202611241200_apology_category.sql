--liquibase formatted sql

--changeset lantern:202611241200-apology-category
--comment: The reason category of an apology letter (why the dossier is late), for the causes of lateness in inspections
alter table dossier add column apology_category text
    check (apology_category in ('POLICY_MECHANISM', 'HUMAN_RESOURCES', 'INFRASTRUCTURE', 'FINANCE', 'APPLICANT', 'OTHER'));
-- demo data loaded before this column existed: the generator's late reasons and their categories
update dossier set apology_category = case apology_reason
        when 'Hồ sơ phải xác minh thực địa, lấy ý kiến các cơ quan liên quan' then 'POLICY_MECHANISM'
        when 'Công chức thụ lý nghỉ ốm, chưa bố trí người thay thế kịp thời' then 'HUMAN_RESOURCES'
        when 'Chờ ý kiến phối hợp của cơ quan thuế' then 'OTHER'
        when 'Khối lượng hồ sơ tăng đột biến' then 'HUMAN_RESOURCES'
        when 'Phần mềm một cửa điện tử gặp sự cố' then 'INFRASTRUCTURE'
    end
where apology_issued_at is not null;
--rollback alter table dossier drop column apology_category;
