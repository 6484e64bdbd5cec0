IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [TimeUtc] datetime2 NOT NULL,
        [Category] nvarchar(40) NOT NULL,
        [Action] nvarchar(40) NOT NULL,
        [Succeeded] bit NOT NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(256) NOT NULL,
        [IpAddress] nvarchar(64) NULL,
        [Target] nvarchar(200) NULL,
        [Detail] nvarchar(4000) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Id] int NOT NULL IDENTITY,
        [Date] date NOT NULL,
        [Year] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [CodeDictionaries] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Standard] nvarchar(100) NULL,
        [IsSystem] bit NOT NULL,
        CONSTRAINT [PK_CodeDictionaries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [Departments] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [CreditCode] nvarchar(18) NOT NULL,
        [ParentId] int NULL,
        [ContactPerson] nvarchar(50) NULL,
        [ContactPhone] nvarchar(30) NULL,
        [Enabled] bit NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Departments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Departments_Departments_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [Heartbeats] (
        [Node] nvarchar(200) NOT NULL,
        [LastBeatUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Heartbeats] PRIMARY KEY ([Node])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [CodeDictionaryEntries] (
        [Id] int NOT NULL IDENTITY,
        [DictionaryId] int NOT NULL,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [ParentCode] nvarchar(40) NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_CodeDictionaryEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CodeDictionaryEntries_CodeDictionaries_DictionaryId] FOREIGN KEY ([DictionaryId]) REFERENCES [CodeDictionaries] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(50) NOT NULL,
        [DepartmentId] int NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [InformationSystems] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(500) NULL,
        CONSTRAINT [PK_InformationSystems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InformationSystems_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [DataResources] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Summary] nvarchar(1000) NULL,
        [DepartmentId] int NOT NULL,
        [InformationSystemId] int NULL,
        [ShareType] nvarchar(20) NOT NULL,
        [ShareCondition] nvarchar(1000) NULL,
        [OpenType] nvarchar(20) NOT NULL,
        [UpdateCycle] nvarchar(20) NOT NULL,
        [SensitivityGrade] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Version] int NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [PublishedUtc] datetime2 NULL,
        CONSTRAINT [PK_DataResources] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DataResources_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DataResources_InformationSystems_InformationSystemId] FOREIGN KEY ([InformationSystemId]) REFERENCES [InformationSystems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [CleansingRuleSets] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [Version] int NOT NULL,
        [RulesJson] nvarchar(max) NOT NULL,
        [Dedup] nvarchar(20) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_CleansingRuleSets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CleansingRuleSets_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [CollectionTasks] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [PeriodKey] nvarchar(20) NOT NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [DueDate] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [SubmittedUtc] datetime2 NULL,
        [BatchId] int NULL,
        CONSTRAINT [PK_CollectionTasks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CollectionTasks_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [DataResourceVersions] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [Version] int NOT NULL,
        [SnapshotJson] nvarchar(max) NOT NULL,
        [ChangedBy] nvarchar(256) NOT NULL,
        [ChangedUtc] datetime2 NOT NULL,
        [Note] nvarchar(200) NULL,
        CONSTRAINT [PK_DataResourceVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DataResourceVersions_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [InfoItems] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [Code] nvarchar(50) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [DataType] nvarchar(20) NOT NULL,
        [Length] int NULL,
        [Precision] int NULL,
        [Required] bit NOT NULL,
        [IsKey] bit NOT NULL,
        [DictionaryId] int NULL,
        [Sensitivity] nvarchar(20) NOT NULL,
        [Description] nvarchar(500) NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_InfoItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InfoItems_CodeDictionaries_DictionaryId] FOREIGN KEY ([DictionaryId]) REFERENCES [CodeDictionaries] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_InfoItems_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [DataBatches] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [TaskId] int NULL,
        [PeriodKey] nvarchar(20) NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [StoredFile] nvarchar(260) NOT NULL,
        [FileHash] nvarchar(64) NOT NULL,
        [FileSize] bigint NOT NULL,
        [Format] nvarchar(10) NOT NULL,
        [MappingJson] nvarchar(max) NULL,
        [ResourceVersion] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [FailureReason] nvarchar(500) NULL,
        [Encoding] nvarchar(40) NULL,
        [RowsRead] int NOT NULL,
        [RowsAccepted] int NOT NULL,
        [RowsRejected] int NOT NULL,
        [Attempts] int NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        [StartedUtc] datetime2 NULL,
        [HeartbeatUtc] datetime2 NULL,
        [FinishedUtc] datetime2 NULL,
        [CleansedVersion] int NULL,
        [CleansedUtc] datetime2 NULL,
        CONSTRAINT [PK_DataBatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DataBatches_CollectionTasks_TaskId] FOREIGN KEY ([TaskId]) REFERENCES [CollectionTasks] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_DataBatches_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [BatchCleansingCounts] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [ItemCode] nvarchar(50) NOT NULL,
        [Position] int NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Changed] bigint NOT NULL,
        CONSTRAINT [PK_BatchCleansingCounts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BatchCleansingCounts_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [BatchRecords] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [RowNumber] int NOT NULL,
        [ValuesJson] nvarchar(max) NOT NULL,
        [CleansedJson] nvarchar(max) NULL,
        [DuplicateOfRow] int NULL,
        CONSTRAINT [PK_BatchRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BatchRecords_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE TABLE [BatchRowErrors] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [RowNumber] int NOT NULL,
        [ColumnNumber] int NOT NULL,
        [ItemCode] nvarchar(50) NOT NULL,
        [Value] nvarchar(4000) NULL,
        [Message] nvarchar(500) NOT NULL,
        CONSTRAINT [PK_BatchRowErrors] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BatchRowErrors_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_DepartmentId] ON [AspNetUsers] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Category_Action] ON [AuditEntries] ([Category], [Action]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_TimeUtc] ON [AuditEntries] ([TimeUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_BatchCleansingCounts_BatchId] ON [BatchCleansingCounts] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_BatchRecords_BatchId_RowNumber] ON [BatchRecords] ([BatchId], [RowNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_BatchRowErrors_BatchId_RowNumber] ON [BatchRowErrors] ([BatchId], [RowNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarDays_Date] ON [CalendarDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_CalendarDays_Year] ON [CalendarDays] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CleansingRuleSets_DataResourceId_Version] ON [CleansingRuleSets] ([DataResourceId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CodeDictionaries_Code] ON [CodeDictionaries] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CodeDictionaryEntries_DictionaryId_Code] ON [CodeDictionaryEntries] ([DictionaryId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CollectionTasks_DataResourceId_PeriodKey] ON [CollectionTasks] ([DataResourceId], [PeriodKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_CollectionTasks_DepartmentId_PeriodStart] ON [CollectionTasks] ([DepartmentId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_CollectionTasks_Status_DueDate] ON [CollectionTasks] ([Status], [DueDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataBatches_DataResourceId_PeriodKey_FileHash] ON [DataBatches] ([DataResourceId], [PeriodKey], [FileHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataBatches_DepartmentId_UploadedUtc] ON [DataBatches] ([DepartmentId], [UploadedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataBatches_Status] ON [DataBatches] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataBatches_TaskId] ON [DataBatches] ([TaskId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DataResources_Code] ON [DataResources] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataResources_DepartmentId_Status] ON [DataResources] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataResources_InformationSystemId] ON [DataResources] ([InformationSystemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_DataResources_Name] ON [DataResources] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DataResourceVersions_DataResourceId_Version] ON [DataResourceVersions] ([DataResourceId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Departments_Code] ON [Departments] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Departments_CreditCode] ON [Departments] ([CreditCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_Departments_Name] ON [Departments] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_Departments_ParentId] ON [Departments] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InfoItems_DataResourceId_Code] ON [InfoItems] ([DataResourceId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_InfoItems_DictionaryId] ON [InfoItems] ([DictionaryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE INDEX [IX_InfoItems_Sensitivity] ON [InfoItems] ([Sensitivity]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InformationSystems_DepartmentId_Name] ON [InformationSystems] ([DepartmentId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[AuditEntries_AppendOnly] ON [dbo].[AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, ''Audit entries are append-only.'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127051000_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127051000_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    ALTER TABLE [DataBatches] ADD [CheckRunId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [CheckRuns] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [BatchId] int NULL,
        [Trigger] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [RuleSetVersion] int NOT NULL,
        [RulesJson] nvarchar(max) NOT NULL,
        [ChunkCount] int NOT NULL,
        [ChunksDone] int NOT NULL,
        [RowsChecked] bigint NOT NULL,
        [ProblemCount] bigint NOT NULL,
        [Score] decimal(9,2) NULL,
        [DimensionScoresJson] nvarchar(max) NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [QueuedUtc] datetime2 NOT NULL,
        [StartedUtc] datetime2 NULL,
        [FinishedUtc] datetime2 NULL,
        [HeartbeatUtc] datetime2 NULL,
        [FailureReason] nvarchar(1000) NULL,
        CONSTRAINT [PK_CheckRuns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CheckRuns_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id]),
        CONSTRAINT [FK_CheckRuns_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [QualityBindings] (
        [Id] int NOT NULL IDENTITY,
        [Template] nvarchar(40) NOT NULL,
        [Sensitivity] nvarchar(20) NOT NULL,
        [ParametersJson] nvarchar(max) NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [Weight] decimal(9,2) NOT NULL,
        [Threshold] decimal(9,4) NOT NULL,
        [Enabled] bit NOT NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_QualityBindings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [QualityExceptions] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [BatchId] int NOT NULL,
        [RecordId] bigint NOT NULL,
        [RowNumber] int NOT NULL,
        [RuleKey] nvarchar(80) NOT NULL,
        [RuleName] nvarchar(200) NOT NULL,
        [ItemCode] nvarchar(50) NULL,
        [ItemName] nvarchar(100) NULL,
        [Sensitivity] nvarchar(20) NOT NULL,
        [Value] nvarchar(max) NULL,
        [Reason] nvarchar(500) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [RevokedBy] nvarchar(256) NULL,
        [RevokedUtc] datetime2 NULL,
        CONSTRAINT [PK_QualityExceptions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QualityExceptions_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [QualityRuleSets] (
        [Id] int NOT NULL IDENTITY,
        [DataResourceId] int NOT NULL,
        [Version] int NOT NULL,
        [RulesJson] nvarchar(max) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_QualityRuleSets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QualityRuleSets_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [QualitySettings] (
        [DataResourceId] int NOT NULL,
        [Cron] nvarchar(100) NULL,
        [AutoOrders] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_QualitySettings] PRIMARY KEY ([DataResourceId]),
        CONSTRAINT [FK_QualitySettings_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [CheckRunChunks] (
        [Id] bigint NOT NULL IDENTITY,
        [RunId] int NOT NULL,
        [BatchId] int NOT NULL,
        [FromRow] int NOT NULL,
        [ToRow] int NOT NULL,
        [Done] bit NOT NULL,
        [RowsChecked] bigint NOT NULL,
        [FailuresJson] nvarchar(max) NULL,
        CONSTRAINT [PK_CheckRunChunks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CheckRunChunks_CheckRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [CheckRuns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [CheckRunRules] (
        [Id] bigint NOT NULL IDENTITY,
        [RunId] int NOT NULL,
        [RuleKey] nvarchar(80) NOT NULL,
        [RuleName] nvarchar(200) NOT NULL,
        [Template] nvarchar(40) NOT NULL,
        [Dimension] nvarchar(20) NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [Weight] decimal(9,2) NOT NULL,
        [Threshold] decimal(9,4) NOT NULL,
        [Checked] bigint NOT NULL,
        [Failed] bigint NOT NULL,
        [FailureRate] decimal(9,4) NOT NULL,
        [Passed] bit NOT NULL,
        CONSTRAINT [PK_CheckRunRules] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CheckRunRules_CheckRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [CheckRuns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE TABLE [Problems] (
        [Id] bigint NOT NULL IDENTITY,
        [RunId] int NOT NULL,
        [ChunkId] bigint NULL,
        [DataResourceId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [BatchId] int NOT NULL,
        [RecordId] bigint NULL,
        [RowNumber] int NULL,
        [RuleKey] nvarchar(80) NOT NULL,
        [RuleName] nvarchar(200) NOT NULL,
        [Dimension] nvarchar(20) NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [ItemCode] nvarchar(50) NULL,
        [ItemName] nvarchar(100) NULL,
        [Sensitivity] nvarchar(20) NOT NULL,
        [Value] nvarchar(max) NULL,
        [Message] nvarchar(500) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [FoundUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Problems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Problems_CheckRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [CheckRuns] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Problems_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_CheckRunChunks_RunId] ON [CheckRunChunks] ([RunId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_CheckRunRules_RunId] ON [CheckRunRules] ([RunId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_CheckRuns_BatchId] ON [CheckRuns] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_CheckRuns_DataResourceId_Id] ON [CheckRuns] ([DataResourceId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_CheckRuns_Status] ON [CheckRuns] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_Problems_BatchId_RunId] ON [Problems] ([BatchId], [RunId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_Problems_DataResourceId_RuleKey] ON [Problems] ([DataResourceId], [RuleKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_Problems_DepartmentId_Status] ON [Problems] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_Problems_RunId_ChunkId] ON [Problems] ([RunId], [ChunkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_Problems_RunId_RecordId] ON [Problems] ([RunId], [RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QualityBindings_Sensitivity_Template] ON [QualityBindings] ([Sensitivity], [Template]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE INDEX [IX_QualityExceptions_DataResourceId_RecordId_RuleKey] ON [QualityExceptions] ([DataResourceId], [RecordId], [RuleKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QualityRuleSets_DataResourceId_Version] ON [QualityRuleSets] ([DataResourceId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127054946_Quality'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127054946_Quality', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    ALTER TABLE [BatchRecords] ADD [CorrectedJson] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE TABLE [BatchRecordHistory] (
        [Id] bigint NOT NULL IDENTITY,
        [RecordId] bigint NOT NULL,
        [BatchId] int NOT NULL,
        [PreviousJson] nvarchar(max) NOT NULL,
        [CurrentJson] nvarchar(max) NOT NULL,
        [OrderId] int NULL,
        [ChangedBy] nvarchar(256) NOT NULL,
        [ChangedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_BatchRecordHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BatchRecordHistory_DataBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [DataBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [UserName] nvarchar(256) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Body] nvarchar(1000) NOT NULL,
        [Link] nvarchar(300) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ReadUtc] datetime2 NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE TABLE [WorkOrders] (
        [Id] int NOT NULL IDENTITY,
        [Number] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(2000) NULL,
        [DepartmentId] int NOT NULL,
        [DataResourceId] int NOT NULL,
        [RuleSetVersion] int NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [StatusBeforeDispute] nvarchar(20) NULL,
        [ProblemCount] int NOT NULL,
        [OpenCount] int NOT NULL,
        [DueDate] date NULL,
        [ExtensionRequestedDate] date NULL,
        [ExtensionReason] nvarchar(1000) NULL,
        [OverdueSince] date NULL,
        [LastRemindedOn] date NULL,
        [EscalatedUtc] datetime2 NULL,
        [ReworkRounds] int NOT NULL,
        [DisputeUpheld] bit NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [DispatchedUtc] datetime2 NULL,
        [SignedUtc] datetime2 NULL,
        [SubmittedUtc] datetime2 NULL,
        [ClosedUtc] datetime2 NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_WorkOrders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkOrders_DataResources_DataResourceId] FOREIGN KEY ([DataResourceId]) REFERENCES [DataResources] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE TABLE [WorkOrderEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [FromStatus] nvarchar(20) NULL,
        [ToStatus] nvarchar(20) NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [AttachmentName] nvarchar(260) NULL,
        [AttachmentPath] nvarchar(500) NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_WorkOrderEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkOrderEvents_WorkOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [WorkOrders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE TABLE [WorkOrderItems] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] int NOT NULL,
        [ProblemId] bigint NOT NULL,
        [BatchId] int NOT NULL,
        [RecordId] bigint NULL,
        [RowNumber] int NULL,
        [RuleKey] nvarchar(80) NOT NULL,
        [RuleName] nvarchar(200) NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [ItemCode] nvarchar(50) NULL,
        [ItemName] nvarchar(100) NULL,
        [Sensitivity] nvarchar(20) NOT NULL,
        [Value] nvarchar(max) NULL,
        [Message] nvarchar(500) NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [Explanation] nvarchar(1000) NULL,
        [FixedUtc] datetime2 NULL,
        CONSTRAINT [PK_WorkOrderItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkOrderItems_WorkOrders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [WorkOrders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_BatchRecordHistory_BatchId] ON [BatchRecordHistory] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_BatchRecordHistory_RecordId] ON [BatchRecordHistory] ([RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserName_ReadUtc] ON [Notifications] ([UserName], [ReadUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrderEvents_OrderId] ON [WorkOrderEvents] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrderItems_OrderId_State] ON [WorkOrderItems] ([OrderId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrderItems_ProblemId] ON [WorkOrderItems] ([ProblemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrderItems_RecordId_RuleKey] ON [WorkOrderItems] ([RecordId], [RuleKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrders_DataResourceId] ON [WorkOrders] ([DataResourceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrders_DepartmentId_Status] ON [WorkOrders] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrders_Number] ON [WorkOrders] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    CREATE INDEX [IX_WorkOrders_Status_DueDate] ON [WorkOrders] ([Status], [DueDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127061402_Rectification'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127061402_Rectification', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127071404_QualityIndexes'
)
BEGIN
    ALTER TABLE [CheckRunChunks] ADD [UniqueKeys] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127071404_QualityIndexes'
)
BEGIN
    CREATE INDEX [IX_Problems_DepartmentId_Id_BatchId_RunId] ON [Problems] ([DepartmentId], [Id], [BatchId], [RunId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127071404_QualityIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127071404_QualityIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE TABLE [ScoreAdjustments] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [PeriodKey] nvarchar(10) NOT NULL,
        [Points] decimal(9,2) NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [EvidenceName] nvarchar(260) NULL,
        [EvidencePath] nvarchar(500) NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ScoreAdjustments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ScoreAdjustments_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE TABLE [ScoringModels] (
        [Id] int NOT NULL IDENTITY,
        [PeriodType] nvarchar(20) NOT NULL,
        [Version] int NOT NULL,
        [Note] nvarchar(500) NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [BoardSize] int NOT NULL,
        [CollectionCompletenessWeight] decimal(9,2) NOT NULL,
        [CollectionTimelinessWeight] decimal(9,2) NOT NULL,
        [ExcellentFrom] decimal(9,2) NOT NULL,
        [GoodFrom] decimal(9,2) NOT NULL,
        [ManualCap] decimal(9,2) NOT NULL,
        [PassFrom] decimal(9,2) NOT NULL,
        [QualityWeight] decimal(9,2) NOT NULL,
        [RectificationCompletionWeight] decimal(9,2) NOT NULL,
        [RectificationTimelinessWeight] decimal(9,2) NOT NULL,
        [RecurrenceCap] decimal(9,2) NOT NULL,
        [RecurrencePoints] decimal(9,2) NOT NULL,
        CONSTRAINT [PK_ScoringModels] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE TABLE [ScoreSheets] (
        [Id] int NOT NULL IDENTITY,
        [PeriodKey] nvarchar(10) NOT NULL,
        [PeriodType] nvarchar(20) NOT NULL,
        [Version] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ModelId] int NOT NULL,
        [ModelVersion] int NOT NULL,
        [ComputedUtc] datetime2 NOT NULL,
        [ComputedBy] nvarchar(256) NOT NULL,
        [Reason] nvarchar(500) NULL,
        [PublishedUtc] datetime2 NULL,
        [PublishedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_ScoreSheets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ScoreSheets_ScoringModels_ModelId] FOREIGN KEY ([ModelId]) REFERENCES [ScoringModels] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE TABLE [DepartmentScores] (
        [Id] bigint NOT NULL IDENTITY,
        [SheetId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [DepartmentName] nvarchar(200) NOT NULL,
        [Total] decimal(9,2) NOT NULL,
        [Grade] nvarchar(20) NOT NULL,
        [Rank] int NOT NULL,
        CONSTRAINT [PK_DepartmentScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DepartmentScores_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DepartmentScores_ScoreSheets_SheetId] FOREIGN KEY ([SheetId]) REFERENCES [ScoreSheets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE TABLE [ScoreIndicatorValues] (
        [Id] bigint NOT NULL IDENTITY,
        [SheetId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [Indicator] nvarchar(40) NOT NULL,
        [Weight] decimal(9,2) NOT NULL,
        [Value] decimal(9,2) NOT NULL,
        [Points] decimal(9,2) NOT NULL,
        [InputsJson] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ScoreIndicatorValues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ScoreIndicatorValues_ScoreSheets_SheetId] FOREIGN KEY ([SheetId]) REFERENCES [ScoreSheets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE INDEX [IX_DepartmentScores_DepartmentId] ON [DepartmentScores] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DepartmentScores_SheetId_DepartmentId] ON [DepartmentScores] ([SheetId], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE INDEX [IX_ScoreAdjustments_DepartmentId] ON [ScoreAdjustments] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE INDEX [IX_ScoreAdjustments_PeriodKey_DepartmentId] ON [ScoreAdjustments] ([PeriodKey], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ScoreIndicatorValues_SheetId_DepartmentId_Indicator] ON [ScoreIndicatorValues] ([SheetId], [DepartmentId], [Indicator]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE INDEX [IX_ScoreSheets_ModelId] ON [ScoreSheets] ([ModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ScoreSheets_PeriodKey_Version] ON [ScoreSheets] ([PeriodKey], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ScoringModels_PeriodType_Version] ON [ScoringModels] ([PeriodType], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127074050_Scoring'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127074050_Scoring', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127084435_ScaleIndexes'
)
BEGIN
    DROP INDEX [IX_CheckRuns_Status] ON [CheckRuns];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127084435_ScaleIndexes'
)
BEGIN
    CREATE INDEX [IX_Problems_BatchId_RunId_Status_Severity] ON [Problems] ([BatchId], [RunId], [Status], [Severity]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127084435_ScaleIndexes'
)
BEGIN
    CREATE INDEX [IX_CheckRuns_Status_FinishedUtc_Score] ON [CheckRuns] ([Status], [FinishedUtc], [Score]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127084435_ScaleIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127084435_ScaleIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127111402_ProblemIndexesTrimmed'
)
BEGIN
    DROP INDEX [IX_Problems_DataResourceId_RuleKey] ON [Problems];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127111402_ProblemIndexesTrimmed'
)
BEGIN
    DROP INDEX [IX_Problems_DepartmentId_Id_BatchId_RunId] ON [Problems];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127111402_ProblemIndexesTrimmed'
)
BEGIN
    DROP INDEX [IX_Problems_DepartmentId_Status] ON [Problems];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127111402_ProblemIndexesTrimmed'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127111402_ProblemIndexesTrimmed', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127163154_ChunkKeysNotStored'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[CheckRunChunks]') AND [c].[name] = N'UniqueKeys');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [CheckRunChunks] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [CheckRunChunks] DROP COLUMN [UniqueKeys];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127163154_ChunkKeysNotStored'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127163154_ChunkKeysNotStored', N'10.0.15');
END;

COMMIT;
GO

